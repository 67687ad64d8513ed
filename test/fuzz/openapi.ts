/**
 * Reads the app's own OpenAPI document (/api/docs) into the operations the fuzz exercises, and
 * builds a valid-looking value for any of its schemas: the hostile variants then replace one part.
 */
import fc from "fast-check";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  example?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OperationObject {
  parameters?: { name: string; in: "path" | "query" | "header" | "cookie"; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface Operation {
  method: string;
  /** The OpenAPI template, e.g. /api/patients/{id}. */
  template: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema }[];
  /** The JSON body schema, when the operation takes one. */
  body: JsonSchema | null;
  /** Body media types besides JSON (e.g. text/csv). */
  otherMediaTypes: string[];
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, op]) => {
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        // The document says /api/...; its paths already carry the prefix.
        template,
        pathParams: params.filter((p) => p.in === "path"),
        queryParams: params.filter((p) => p.in === "query"),
        body: content["application/json"]?.schema ?? null,
        otherMediaTypes: Object.keys(content).filter((type) => type !== "application/json"),
      };
    }),
  );
}

export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(doc, target);
}

/** Whatever a schema would accept, chosen simply; `today` fills dates, `ids` fills uuids. */
export function sampleOf(
  doc: OpenApiDocument,
  raw: JsonSchema,
  context: { today: string; uuid: string },
  depth = 0,
): unknown {
  const schema = resolve(doc, raw);
  if (depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const firstNonNull = options.find((option) => resolve(doc, option).type !== "null") ?? options[0]!;
    return sampleOf(doc, firstNonNull, context, depth + 1);
  }
  if (schema.allOf) return sampleOf(doc, schema.allOf[0]!, context, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return sampleString(schema, context);
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return true;
    case "array":
      return schema.items
        ? Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () =>
            sampleOf(doc, schema.items!, context, depth + 1),
          )
        : [];
    case "object":
    default:
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [
          key,
          sampleOf(doc, value, context, depth + 1),
        ]),
      );
  }
}

function sampleString(schema: JsonSchema, context: { today: string; uuid: string }): string {
  if (schema.format === "date") return context.today;
  if (schema.format === "date-time") return `${context.today}T08:00:00.000Z`;
  if (schema.format === "uuid") return context.uuid;
  if (schema.pattern) {
    const [value] = fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 1 });
    return value!.slice(0, schema.maxLength ?? 50);
  }
  return "Test".padEnd(schema.minLength ?? 1, "x").slice(0, schema.maxLength ?? 50);
}

/** Every place of a JSON value that can be replaced: ["content", "diagnoser", "0", "kod"]. */
export function leafPaths(value: unknown, path: string[] = []): string[][] {
  const here = [path];
  if (Array.isArray(value))
    return [...here, ...value.flatMap((item, i) => leafPaths(item, [...path, String(i)]))];
  if (value !== null && typeof value === "object") {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]))];
  }
  return here;
}

/** A copy of `value` with the part at `path` replaced (the root when `path` is empty). */
export function replaceAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const record = (value ?? {}) as Record<string, unknown>;
  return { ...record, [head!]: replaceAt(record[head!], rest, replacement) };
}
