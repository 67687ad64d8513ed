/**
 * Checks certificates in the command-line contract's format before they reach the engine, with
 * English messages naming the certificate's index and the field (the CLI reports them on stderr).
 * Lenient where the engine does not care (patient and unit are any non-empty text, the diagnosis any
 * text — an empty one simply does not count; unknown fields are ignored), strict where a wrong value
 * would give a wrong case (dates, grades, overlapping periods, duplicate ids).
 */
import { z } from "zod";
import { isIsoDate } from "./days.ts";
import { parseItemsWithIds } from "./json-items.ts";
import type { SjukfallCertificate } from "./types.ts";

/** Zod error option: "is missing" for an absent field, otherwise what was expected. */
function expected(what: string) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? "is missing" : `must be ${what}`),
  };
}

const isoDate = z
  .string(expected("a date YYYY-MM-DD"))
  .refine(isIsoDate, { error: "must be an existing date YYYY-MM-DD" });

const SIGNED_SHAPE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Signing time as text; a space before the time becomes "T" so that the texts compare in time order. */
const signedTime = z
  .string(expected("a date-time YYYY-MM-DDTHH:MM:SS"))
  .refine((text) => SIGNED_SHAPE.test(text) && isIsoDate(text.slice(0, 10)), {
    error: "must be a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM[:SS]",
  })
  .transform((text) => text.replace(" ", "T"));

const nonEmptyText = z.string(expected("a text")).refine((text) => text.trim().length > 0, {
  error: "must not be empty",
});

const optionalText = z.string({ error: "must be a text or null" }).nullish();

const period = z
  .object(
    {
      from: isoDate,
      to: isoDate,
      grade: z.union(
        [z.literal(25), z.literal(50), z.literal(75), z.literal(100)],
        expected("25, 50, 75 or 100"),
      ),
    },
    expected("an object { from, to, grade }"),
  )
  .refine((p) => p.from <= p.to, { error: "must not end before it starts", path: ["to"] });

const certificate = z
  .object(
    {
      id: nonEmptyText,
      patient: nonEmptyText,
      unit: nonEmptyText,
      doctor: optionalText,
      signed: signedTime,
      diagnosis: optionalText,
      periods: z
        .array(period, expected("a list of periods"))
        .min(1, { error: "must hold at least one period" }),
      smittbararpenning: z.boolean({ error: "must be true or false" }).nullish(),
      status: z.enum(["signed", "revoked"], { error: 'must be "signed" or "revoked"' }).nullish(),
      replaces: optionalText,
      completes: optionalText,
    },
    { error: "must be an object" },
  )
  .superRefine((cert, ctx) => {
    const sorted = [...cert.periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.from <= sorted[i - 1]!.to) {
        ctx.addIssue({
          code: "custom",
          path: ["periods"],
          message: "must not overlap (not even by a day)",
        });
        return;
      }
    }
  })
  .transform((cert): SjukfallCertificate => ({
    id: cert.id,
    patient: cert.patient,
    unit: cert.unit,
    doctor: cert.doctor ?? null,
    signed: cert.signed,
    diagnosis: cert.diagnosis ?? null,
    periods: cert.periods,
    smittbararpenning: cert.smittbararpenning ?? false,
    status: cert.status ?? "signed",
    replaces: cert.replaces ?? null,
    completes: cert.completes ?? null,
  }));

/**
 * Not an array: nothing to compute (`ok: false`). Otherwise the valid certificates, and the invalid
 * ones left out: each named in `leftOut`, their problems in `problems` (at most `maxProblems`).
 */
export type ParsedCertificates =
  | {
      ok: true;
      certificates: SjukfallCertificate[];
      problems: string[];
      leftOut: { index: number; id: string | null }[];
    }
  | { ok: false; problems: string[] };

/**
 * Validates a parsed JSON value certificate by certificate: an invalid certificate is left out (a
 * second certificate with an id already used is the one left out), the others are kept.
 */
export function parseSjukfallCertificates(data: unknown, maxProblems = 20): ParsedCertificates {
  const parsed = parseItemsWithIds(
    data,
    certificate,
    { noun: "certificate", plural: "certificates" },
    maxProblems,
  );
  if (!parsed.ok) return parsed;
  const { items, ...rest } = parsed;
  return { ...rest, certificates: items };
}
