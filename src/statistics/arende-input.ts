/**
 * Checks the ärenden of `samsyn statistik --arenden` (contract format
 * `{ "id", "certificate", "type", "received", "questions" }`) with English messages naming the
 * ärende's index and field, as `../cases/certificate-schema.ts` does for certificates: an invalid
 * ärende (or a second one with an id already used) is left out and named, the others are kept.
 */
import { z } from "zod";
import { isIsoDate } from "../cases/days.ts";
import { ARENDE_TYPES, type StatisticsArende } from "./kompletteringar.ts";

const text = z
  .string({ error: (issue) => (issue.input === undefined ? "is missing" : "must be a text") })
  .refine((value) => value.trim().length > 0, { error: "must not be empty" });

const optionalDate = z
  .string({ error: "must be a date YYYY-MM-DD or null" })
  .refine(isIsoDate, { error: "must be an existing date YYYY-MM-DD" })
  .nullish()
  .transform((value) => value ?? null);

const QUESTION_ID = /^\d+(?:\.\d+)?$/;

const arende = z
  .object(
    {
      id: text,
      certificate: text,
      type: z.enum(ARENDE_TYPES, { error: `must be ${ARENDE_TYPES.join(", ")}` }),
      received: optionalDate,
      answered: optionalDate,
      questions: z
        .array(
          z.string({ error: 'must be an FK question id as text ("35", "1.3")' }).regex(QUESTION_ID, {
            error: 'must be an FK question id ("35", "1.3")',
          }),
          { error: "must be a list of FK question ids" },
        )
        .nullish()
        .transform((value) => value ?? []),
    },
    { error: "must be an object" },
  )
  .refine((a) => a.answered === null || a.received === null || a.answered >= a.received, {
    error: "must not come before received",
    path: ["answered"],
  });

export type ParsedArenden =
  | {
      ok: true;
      arenden: StatisticsArende[];
      problems: string[];
      leftOut: { index: number; id: string | null }[];
    }
  | { ok: false; problems: string[] };

function describe(index: number, value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? `ärende [${index}] (id "${id}")` : `ärende [${index}]`;
}

/** Validates a parsed JSON value ärende by ärende; not an array: nothing to compute (`ok: false`). */
export function parseStatisticsArenden(data: unknown, maxProblems = 20): ParsedArenden {
  if (!Array.isArray(data)) return { ok: false, problems: ["the input must be a JSON array of ärenden"] };
  const arenden: StatisticsArende[] = [];
  const problems: string[] = [];
  const leftOut: { index: number; id: string | null }[] = [];
  const indexOfId = new Map<string, number>();
  const report = (index: number, value: unknown, found: string[]) => {
    const id = (value as { id?: unknown } | null)?.id;
    leftOut.push({ index, id: typeof id === "string" ? id : null });
    for (const problem of found) if (problems.length < maxProblems) problems.push(problem);
  };
  data.forEach((value: unknown, index) => {
    const parsed = arende.safeParse(value);
    if (!parsed.success) {
      report(
        index,
        value,
        parsed.error.issues.map((issue) => {
          const field = issue.path
            .map((key) => (typeof key === "number" ? `[${key}]` : String(key)))
            .join(".");
          return `${describe(index, value)}: ${field ? `${field.replaceAll(".[", "[")} ` : ""}${issue.message}`;
        }),
      );
      return;
    }
    const earlier = indexOfId.get(parsed.data.id);
    if (earlier !== undefined) {
      report(index, value, [`${describe(index, value)}: id is already used by ärende [${earlier}]`]);
      return;
    }
    indexOfId.set(parsed.data.id, index);
    arenden.push(parsed.data);
  });
  return { ok: true, arenden, problems, leftOut };
}
