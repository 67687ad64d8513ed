/**
 * What every command gets and how it answers (`../shared/contracts/README.md`): stdout carries
 * only the answer, messages go to stderr, and the exit code says how it went — 0 success, 1 the
 * answer is "problems found" or something unexpected failed, 2 bad usage or unreadable input.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { DrizzleQueryError } from "drizzle-orm";

export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Default for --today: today's date in Europe/Stockholm. */
  today: string;
  /** The environment the configuration is read from (DATABASE_URL, SAMSYN_DATA_DIR, …). */
  env: NodeJS.ProcessEnv;
}

/** A command: its arguments after the command name; resolves to the exit code. */
export type Command = (args: string[], io: CommandIo) => Promise<number>;

export const exitCodes = { ok: 0, problems: 1, failed: 1, usage: 2 } as const;

/** Bad usage or unreadable input: exit 2 with the message (and the usage line when given). */
export class UsageError extends Error {
  readonly usage: string | null;

  constructor(message: string, usage: string | null = null) {
    super(message);
    this.usage = usage;
  }
}

export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

export function writeJson(io: CommandIo, value: unknown): Promise<void> {
  return write(io.stdout, `${JSON.stringify(value, null, 2)}\n`);
}

/** node:util parseArgs in strict mode; its complaints become usage errors. */
export function parseOptions<T extends ParseArgsConfig["options"]>(
  args: string[],
  options: T,
  usage: string,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message, usage);
  }
}

/** A whole number from an option's text, within bounds; else a usage error naming the option. */
export function integerOption(
  text: string | undefined,
  name: string,
  bounds: { min: number; max: number },
  usage: string,
) {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= bounds.min && value <= bounds.max)) {
    throw new UsageError(
      `--${name} must be a whole number from ${bounds.min} to ${bounds.max} (got "${text}")`,
      usage,
    );
  }
  return value;
}

/** The message of an error without the query parameters a database driver error repeats. */
export function errorMessage(error: unknown): string {
  if (error instanceof DrizzleQueryError && error.cause instanceof Error) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
}
