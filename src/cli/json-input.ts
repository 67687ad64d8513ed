/**
 * Reading a command's JSON input (a file, or stdin for "-") and naming the items it left out,
 * the same way for every command that takes certificates or ärenden.
 */
import { readFile } from "node:fs/promises";
import { UsageError } from "./io.ts";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** How a message names the input: "stdin" for "-", else the file name. */
export function sourceName(file: string): string {
  return file === "-" ? "stdin" : file;
}

/** A JSON file (or stdin for "-"); unreadable or malformed input is a usage error (exit 2). */
export async function readJsonInput(file: string, stdin: NodeJS.ReadableStream): Promise<unknown> {
  const source = sourceName(file);
  let text: string;
  try {
    text = file === "-" ? await readAll(stdin) : await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${source}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * The stderr message naming left-out items: "samsyn sjukfall: left out 2 invalid certificates in
 * stdin: [0] "c1", [3]" followed by the problems, one per line.
 */
export function leftOutMessage(
  command: string,
  source: string,
  noun: { one: string; many: string },
  parsed: { problems: string[]; leftOut: { index: number; id: string | null }[] },
): string {
  const names = parsed.leftOut.map(({ index, id }) => (id === null ? `[${index}]` : `[${index}] "${id}"`));
  const count = parsed.leftOut.length;
  return (
    `samsyn ${command}: left out ${count} invalid ${count === 1 ? noun.one : noun.many} in ${source}: ` +
    `${names.join(", ")}\n  ${parsed.problems.join("\n  ")}\n`
  );
}
