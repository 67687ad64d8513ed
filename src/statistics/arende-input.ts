/**
 * Checks the ärenden of `samsyn statistik --arenden` (contract format
 * `{ "id", "certificate", "type", "received", "questions" }`) with English messages naming the
 * ärende's index and field, as `../cases/certificate-schema.ts` does for certificates: an invalid
 * ärende (or a second one with an id already used) is left out and named, the others are kept.
 */
import { z } from "zod";
import { isIsoDate } from "../cases/days.ts";
import { parseItemsWithIds } from "../cases/json-items.ts";
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

/** Validates a parsed JSON value ärende by ärende; not an array: nothing to compute (`ok: false`). */
export function parseStatisticsArenden(data: unknown, maxProblems = 20): ParsedArenden {
  const parsed = parseItemsWithIds(data, arende, { noun: "ärende", plural: "ärenden" }, maxProblems);
  if (!parsed.ok) return parsed;
  const { items, ...rest } = parsed;
  return { ...rest, arenden: items };
}
