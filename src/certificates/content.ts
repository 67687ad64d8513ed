/**
 * The one parser of stored FK 7804 content. Everything that reads a certificate's answers (lists,
 * the sjukfall engine's columns, print, the editor, imports, exports) goes through
 * `parseContent`, which never throws and yields a typed certificate: a value of the wrong shape
 * reads as "not answered". Pure (zod only), so the server, the command line and the browser share it.
 *
 * The rules (`rules/validate.ts`) still read a draft as it came in: they must name every mistyped
 * value on its field, which a parser that drops it cannot do.
 */
import { z } from "zod";
import { isIsoDate } from "../cases/days.ts";
import {
  grades,
  grundTypes,
  hasCodeShape,
  normalizeCode,
  prognosTypes,
  sysselsattningTypes,
  type Grade,
  type GrundType,
  type PrognosType,
  type SysselsattningType,
} from "./rules/draft.ts";

/** A text answer: the text, or null when absent or not a text. */
const text = z.string().nullable().catch(null).default(null);
/** A ticked box: true only when true. */
const ticked = z.boolean().catch(false).default(false);
/** A yes/no radio: true, false, or null when not answered. */
const yesNo = z.boolean().nullable().catch(null).default(null);

/** A list whose items each parse on their own: items of the wrong shape are left out. */
function listOf<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .default([])
    .transform((items) =>
      items.flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );
}

const grundEntry = z.object({ typ: z.enum(grundTypes), datum: text });
const diagnosis = z.object({ kod: text, text });
const period = z.object({
  grad: z
    .number()
    .refine((g): g is Grade => (grades as readonly number[]).includes(g))
    .nullable()
    .catch(null)
    .default(null),
  from: text,
  tom: text,
});
const prognos = z.object({
  typ: z.enum(prognosTypes),
  manader: z.number().nullable().catch(null).default(null),
  motivering: text,
});
const enhet = z.object({
  namn: text,
  postadress: text,
  postnummer: text,
  postort: text,
  telefon: text,
});

export const fk7804ContentSchema = z.object({
  smittbararpenning: ticked,
  grund: listOf(grundEntry),
  grundAnnat: text,
  sysselsattning: listOf(z.enum(sysselsattningTypes)),
  yrke: text,
  diagnoser: listOf(diagnosis),
  funktionsnedsattning: text,
  aktivitetsbegransning: text,
  behandling: text,
  perioder: listOf(period),
  fmbMotivering: text,
  transport: ticked,
  arbetstidsforlaggning: yesNo,
  arbetstidsforlaggningMotivering: text,
  prognos: prognos.nullable().catch(null).default(null),
  atgarder: text,
  ovrigt: text,
  kontaktFk: ticked,
  kontaktFkAnledning: text,
  enhet: enhet.nullable().catch(null).default(null),
});

/** A stored FK 7804 certificate, typed. */
export type Fk7804Content = z.output<typeof fk7804ContentSchema>;
export type ContentGrund = { typ: GrundType; datum: string | null };
export type ContentPeriod = Fk7804Content["perioder"][number];
export type { Grade, GrundType, PrognosType, SysselsattningType };

const emptyObject = fk7804ContentSchema.parse({});

/** The content as a typed certificate; never throws (anything but an object reads as empty). */
export function parseContent(raw: unknown): Fk7804Content {
  const parsed = fk7804ContentSchema.safeParse(raw);
  return parsed.success ? parsed.data : structuredClone(emptyObject);
}

const isText = (value: string | null): value is string => value !== null && value.trim() !== "";

/** The main diagnosis code, normalized; null when the first row has no well-formed code. */
export function mainDiagnosisCode(content: Fk7804Content): string | null {
  const kod = content.diagnoser[0]?.kod ?? null;
  if (!isText(kod)) return null;
  const code = normalizeCode(kod);
  return hasCodeShape(code) ? code : null;
}

/** Every entered diagnosis code, normalized, in row order. */
export function diagnosisCodes(content: Fk7804Content): string[] {
  return content.diagnoser.flatMap((d) => (isText(d.kod) ? [normalizeCode(d.kod)] : []));
}

/** The periods whose dates are given and in order; grade 100 when no grade is chosen. */
export function wellFormedPeriods(content: Fk7804Content): { from: string; to: string; grade: number }[] {
  return content.perioder.flatMap(({ from, tom, grad }) => {
    if (from === null || tom === null || !isIsoDate(from) || !isIsoDate(tom) || from > tom) return [];
    return [{ from, to: tom, grade: grad ?? 100 }];
  });
}
