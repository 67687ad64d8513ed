/**
 * `samsyn sjukfall [options] FILE|-` — sick-leave cases from a JSON array of certificates, exactly
 * per `../shared/contracts/README.md`: stdout holds only `{ "cases": [...] }` (exit 0). A certificate
 * that breaks the format is left out and named on stderr; the others are computed (exit 0). Bad
 * usage, unreadable input or a file that is not a JSON array print a message on stderr and nothing
 * on stdout (exit 2).
 */
import { readFile } from "node:fs/promises";
import { parseSjukfallCertificates } from "../../cases/certificate-schema.ts";
import { isIsoDate } from "../../cases/days.ts";
import { patientHistory, unitList, type Sjukfall, type SjukfallCertificate } from "../../cases/engine.ts";
import { AFTER_END_DEFAULT, AFTER_END_MAX, GAP_DEFAULT, GAP_MAX } from "../../cases/options.ts";
import { write } from "../io.ts";
import { leftOutMessage } from "../json-input.ts";

/** What the command needs of `../io.ts`'s CommandIo. */
export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Default for --today (the caller's date in Europe/Stockholm). */
  today: string;
}

const USAGE =
  "usage: samsyn sjukfall [--today YYYY-MM-DD] [--gap N] [--after-end N] [--mode unit|patient] " +
  "[--unit ID] [--doctor ID] FILE|-";

const HELP = `${USAGE}

Computes sick-leave cases from FILE, a JSON array of certificates (- reads stdin), and prints
{ "cases": [...] } on stdout.

  --today YYYY-MM-DD   the day the cases are seen from (default: today in Stockholm)
  --gap N              most empty days between certificates that still join them (0-90, default 5)
  --after-end N        days an ended case stays in the unit list (0-14, default 0)
  --mode unit|patient  unit: the unit lists (default); patient: every case of every patient
  --unit ID            only this unit (default: every unit in the file, each computed separately)
  --doctor ID          only cases whose anchor certificate this doctor signed
`;

const OPTIONS = ["today", "gap", "after-end", "mode", "unit", "doctor"] as const;
type OptionName = (typeof OPTIONS)[number];

interface Request {
  today: string;
  gap: number;
  afterEnd: number;
  mode: "unit" | "patient";
  unit?: string;
  doctor?: string;
  file: string;
}

class UsageError extends Error {}
class InputError extends Error {}

function isOptionName(name: string): name is OptionName {
  return (OPTIONS as readonly string[]).includes(name);
}

function splitArgs(args: string[]): { options: Map<OptionName, string>; files: string[] } {
  const options = new Map<OptionName, string>();
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      files.push(...args.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      files.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    if (!arg.startsWith("--") || !isOptionName(name)) throw new UsageError(`unknown option ${arg}`);
    if (options.has(name)) throw new UsageError(`--${name} is given more than once`);
    let value: string | undefined = equals === -1 ? undefined : arg.slice(equals + 1);
    if (value === undefined) {
      value = args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
    }
    options.set(name, value);
  }
  return { options, files };
}

function integerOption(options: Map<OptionName, string>, name: OptionName, fallback: number, max: number) {
  const text = options.get(name);
  if (text === undefined) return fallback;
  const value = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(value <= max)) throw new UsageError(`--${name} must be an integer from 0 to ${max} (got "${text}")`);
  return value;
}

function parseRequest(args: string[], defaultToday: string): Request {
  const { options, files } = splitArgs(args);
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0 ? "no input FILE given (use - for stdin)" : "give exactly one FILE",
    );
  }
  const today = options.get("today") ?? defaultToday;
  if (!isIsoDate(today)) throw new UsageError(`--today must be an existing date YYYY-MM-DD (got "${today}")`);
  const mode = options.get("mode") ?? "unit";
  if (mode !== "unit" && mode !== "patient") {
    throw new UsageError(`--mode must be unit or patient (got "${mode}")`);
  }
  for (const name of ["unit", "doctor"] as const) {
    if (options.get(name) === "") throw new UsageError(`--${name} must not be empty`);
  }
  return {
    today,
    gap: integerOption(options, "gap", GAP_DEFAULT, GAP_MAX),
    afterEnd: integerOption(options, "after-end", AFTER_END_DEFAULT, AFTER_END_MAX),
    mode,
    unit: options.get("unit"),
    doctor: options.get("doctor"),
    file: files[0]!,
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function readCertificates(
  file: string,
  stdin: NodeJS.ReadableStream,
  stderr: NodeJS.WritableStream,
): Promise<SjukfallCertificate[]> {
  const source = file === "-" ? "stdin" : file;
  let text: string;
  try {
    text = file === "-" ? await readAll(stdin) : await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read ${source}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseSjukfallCertificates(data);
  if (!parsed.ok) throw new InputError(`${source}: ${parsed.problems.join("; ")}`);
  if (parsed.leftOut.length > 0) {
    await write(
      stderr,
      leftOutMessage("sjukfall", source, { one: "certificate", many: "certificates" }, parsed),
    );
  }
  return parsed.certificates;
}

function computeCases(certs: SjukfallCertificate[], request: Request): Sjukfall[] {
  const { today, gap, afterEnd, unit, doctor } = request;
  if (request.mode === "unit") return unitList(certs, { today, gap, afterEnd, unit, doctor });
  // The contract defines --unit and --doctor for unit mode; in patient mode they filter the same way.
  return patientHistory(certs, { today, gap, afterEnd }).filter(
    (c) => (unit === undefined || c.unit === unit) && (doctor === undefined || c.doctor === doctor),
  );
}

/** Runs the command; resolves to the exit code. */
export async function sjukfallCommand(args: string[], io: CommandIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    await write(io.stdout, HELP);
    return 0;
  }
  try {
    const request = parseRequest(args, io.today);
    const certs = await readCertificates(request.file, io.stdin, io.stderr);
    const cases = computeCases(certs, request);
    await write(io.stdout, `${JSON.stringify({ cases })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      await write(io.stderr, `samsyn sjukfall: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof RangeError) {
      await write(io.stderr, `samsyn sjukfall: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
