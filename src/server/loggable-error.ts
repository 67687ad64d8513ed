/**
 * What may be logged of an error. A failed query's message carries its SQL and parameters (Drizzle
 * writes "Failed query: … params: …"), and parameters are patient data; so are PostgreSQL's
 * `detail` lines ("Key (personnummer)=(…)"). Logs get names, messages without query text, codes,
 * and stack frames — never the whole error object.
 */

export interface LoggableError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: LoggableError;
}

const withheld = "Failed query (SQL text and parameters withheld from the log)";

function safeMessage(message: string): string {
  return message.startsWith("Failed query") ? withheld : message;
}

/** The stack's frames only: its first line repeats the message. */
function framesOf(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  const frames = stack.split("\n").filter((line) => line.trimStart().startsWith("at "));
  return frames.length ? frames.slice(0, 12).join("\n") : undefined;
}

export function loggableError(error: unknown, depth = 0): LoggableError {
  if (!(error instanceof Error)) return { name: "NonError", message: typeof error };
  const code = (error as { code?: unknown }).code;
  const stack = framesOf(error.stack);
  return {
    name: error.name,
    message: safeMessage(error.message),
    ...(typeof code === "string" ? { code } : {}),
    ...(stack ? { stack } : {}),
    ...(error.cause !== undefined && depth < 4 ? { cause: loggableError(error.cause, depth + 1) } : {}),
  };
}

/** One readable text for the console (a failed start). */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: LoggableError | undefined = loggableError(error);
  const stack = current.stack;
  while (current) {
    parts.push(`${current.name}: ${current.message}${current.code ? ` (${current.code})` : ""}`);
    current = current.cause;
  }
  return `${parts.join("\n  caused by ")}${stack ? `\n${stack}` : ""}`;
}
