/**
 * Hostile requests derived from the OpenAPI document: for every operation, a valid-looking request
 * with one part replaced by something an attacker or a broken client sends (NUL, lone surrogates,
 * huge strings, deep JSON, big integers, wrong types, half-typed dates, wrong media types). Used by
 * the CI fuzz test (a bounded count) and the bench script (≥ 10,000 requests per database).
 */
import fc from "fast-check";
import { leafPaths, replaceAt, sampleOf, type OpenApiDocument, type Operation } from "./openapi.ts";

export interface HostileRequest {
  label: string;
  method: string;
  /** Path and query, already encoded (raw percent-escapes included on purpose). */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** Values put in place of one part of a JSON body. */
export const hostileValues: unknown[] = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\udc00\ud800",
  "x".repeat(30_000),
  "å".repeat(5_000),
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  "javascript:window.__pwned=1",
  "' OR '1'='1' --",
  "%00",
  "../../../etc/passwd",
  "\u202eevil",
  "😀".repeat(10),
  "",
  " ",
  "2026-1",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "99999-12-31",
  "2026-02-29T25:61",
  "9".repeat(400),
  "-1",
  "NaN",
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53,
  1e308,
  -1,
  0,
  1.5,
  true,
  false,
  null,
  [],
  {},
  [[["x"]]],
  nested(40),
  Array.from({ length: 2_000 }, (_, i) => i),
];

/** Whole bodies: broken, deep, huge, not UTF-8. */
export const hostileBodies: (string | Uint8Array<ArrayBuffer>)[] = [
  "",
  "{",
  "null",
  "[]",
  '"\\u0000"',
  '{"a":"\u0000"}',
  "[".repeat(5_000) + "]".repeat(5_000),
  '{"a":'.repeat(5_000) + "1" + "}".repeat(5_000),
  `{"x":"${"y".repeat(1_200_000)}"}`,
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  "1e400",
  '{"version":2147483648}',
  '{"__proto__":{"admin":true}}',
];

/** Raw (already encoded) values for a path or query parameter. */
export const hostileParams: string[] = [
  "%00",
  "a%00b",
  "%ED%A0%80",
  "%FF%FE",
  "%C0%AF",
  "x".repeat(3_000),
  "2147483648",
  "99999999999999999999",
  "-1",
  "1e400",
  "NaN",
  "..%2F..%2Fetc%2Fpasswd",
  "%27%20OR%201%3D1--",
  "00000000-0000-0000-0000-000000000000",
  "2026-1",
  "2026-02-30",
  "%3Cscript%3E",
  "true",
  "",
];

export const otherMediaTypes = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
];

function nested(depth: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Text of any UTF-16 code units: lone surrogates and NUL included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

const kinds = [
  "bodyLeaf",
  "bodyRandomText",
  "bodyRandomJson",
  "bodyWhole",
  "mediaType",
  "pathParam",
  "queryParam",
  "queryRandomText",
  "valid",
] as const;

export interface FuzzWorld {
  doc: OpenApiDocument;
  operations: Operation[];
  today: string;
  /** A real id for a path template's `{id}` (a patient, a certificate …), else a fresh uuid. */
  idFor(template: string, param: string): string;
  headers: Record<string, string>;
}

export function hostileRequests(world: FuzzWorld): fc.Arbitrary<HostileRequest> {
  return fc
    .record({
      op: fc.nat({ max: world.operations.length - 1 }),
      kind: fc.constantFrom(...kinds),
      pick: fc.nat(),
      hostile: fc.nat(),
      text: anyText,
      json: fc.jsonValue({ maxDepth: 3 }),
    })
    .map((choice) => buildRequest(world, choice));
}

interface Choice {
  op: number;
  kind: (typeof kinds)[number];
  pick: number;
  hostile: number;
  text: string;
  json: unknown;
}

const at = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function encodeText(text: string): string {
  // encodeURIComponent throws on lone surrogates; send their (invalid) UTF-8 bytes instead.
  return Array.from(text, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return "%ED%A0%80";
    }
  }).join("");
}

function buildRequest(world: FuzzWorld, choice: Choice): HostileRequest {
  const op = at(world.operations, choice.op);
  const context = { today: world.today, uuid: world.idFor(op.template, "id") };
  const pathValues = new Map(
    op.pathParams.map((p) => [p.name, encodeURIComponent(world.idFor(op.template, p.name))]),
  );
  const query = new Map<string, string>();
  for (const param of op.queryParams) {
    const sample = sampleOf(world.doc, param.schema, context);
    if (sample !== null && sample !== undefined) query.set(param.name, encodeURIComponent(String(sample)));
  }
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  let bodyValue = op.body ? sampleOf(world.doc, op.body, context) : undefined;
  const headers = { ...world.headers };
  let kind = choice.kind;
  // A kind the operation has no place for falls back to one it has.
  if (!op.body && kind.startsWith("body")) kind = op.queryParams.length ? "queryParam" : "pathParam";
  if (kind === "pathParam" && op.pathParams.length === 0) kind = "queryRandomText";
  let label = `${op.method} ${op.template} ${kind}`;

  switch (kind) {
    case "bodyLeaf":
    case "bodyRandomText":
    case "bodyRandomJson": {
      const path = at(leafPaths(bodyValue), choice.pick);
      const replacement =
        kind === "bodyLeaf"
          ? at(hostileValues, choice.hostile)
          : kind === "bodyRandomText"
            ? choice.text
            : choice.json;
      bodyValue = replaceAt(bodyValue, path, replacement);
      label += ` at ${path.join(".") || "(root)"}`;
      break;
    }
    case "bodyWhole":
      body = at(hostileBodies, choice.hostile);
      bodyValue = undefined;
      label += ` #${choice.hostile % hostileBodies.length}`;
      break;
    case "mediaType":
      headers["content-type"] = at(otherMediaTypes, choice.hostile);
      label += ` ${headers["content-type"]}`;
      break;
    case "pathParam": {
      const param = at(op.pathParams, choice.pick);
      pathValues.set(param.name, at(hostileParams, choice.hostile));
      label += ` ${param.name}=#${choice.hostile % hostileParams.length}`;
      break;
    }
    case "queryParam":
    case "queryRandomText": {
      const name = op.queryParams.length ? at(op.queryParams, choice.pick).name : "q";
      query.set(name, kind === "queryParam" ? at(hostileParams, choice.hostile) : encodeText(choice.text));
      label += ` ${name}`;
      break;
    }
    case "valid":
      break;
  }
  if (bodyValue !== undefined && body === undefined) {
    body = JSON.stringify(bodyValue);
    headers["content-type"] ??= "application/json";
  }
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const path = op.template.replace(/\{(\w+)\}/g, (_, name: string) => pathValues.get(name) ?? "");
  const search = [...query].map(([k, v]) => `${k}=${v}`).join("&");
  return { label, method: op.method, url: search ? `${path}?${search}` : path, headers, body };
}

/** English words of zod, Hono and PostgreSQL messages; the «field» names are left out first. */
const english =
  /\b(invalid|expected|received|required|must|should|string|number|too (big|small)|unrecognized|malformed|unsupported|not found|error|input|syntax|violates)\b/i;

export interface ErrorBody {
  error?: { code?: string; message?: string; issues?: { path: string; message: string }[] };
}

/** What is wrong with the answer to a hostile request (none: an empty list). */
export function answerProblems(status: number, contentType: string, text: string): string[] {
  if (status >= 500) return [`answered ${status}: ${text.slice(0, 300)}`];
  if (status < 400 || (status === 404 && !contentType.includes("json"))) return [];
  if (!contentType.includes("json")) return [`a ${status} without a JSON error: ${text.slice(0, 200)}`];
  const body = JSON.parse(text) as ErrorBody;
  const messages = [body.error?.message ?? "", ...(body.error?.issues ?? []).map((issue) => issue.message)];
  const problems: string[] = [];
  if (!body.error?.message) problems.push(`a ${status} without a message`);
  for (const message of messages) {
    if (english.test(message.replace(/«[^»]*»/g, ""))) problems.push(`English in a ${status}: ${message}`);
  }
  if (body.error?.code === "VALIDATION" && status !== 400 && status !== 413) {
    problems.push(`a validation error answered ${status}`);
  }
  return problems;
}
