/**
 * FMB, Socialstyrelsens försäkringsmedicinska beslutsstöd (PRODUCT §3): per ICD-10 code the
 * recommended maximum sick-leave length and the guidance texts. Pure: built from the two JSON:API
 * dumps of Socialstyrelsen's open FMB API (`diagnosinformation`, `typfall`); `./load.ts` reads them.
 *
 * - A code without an entry is shortened one position at a time down to 3 positions
 *   ("F438A" → "F438" → "F43").
 * - A typfall's maximum length is `maximalsjukskrivningstid` in `maximalsjukskrivningsenhet`
 *   (d, wk, mo); months count as 31 days and weeks as 7 (the national convention). A typfall
 *   without a length ("Under behandlingen") sets no limit.
 * - A code's limit is its most generous typfall; across several codes the most generous code wins.
 * - Texts carry inline HTML markup and hard line wraps; they are turned into plain text.
 */
import { z } from "zod";
import { normalizeIcdCode } from "../icd10/codes.ts";

export interface FmbTypfall {
  /** The typfall's recommendation sentence. */
  text: string;
  /** The recommended length as FMB words it ("Upp till 3 månader"); null when not given. */
  recommendation: string | null;
  /** Recommended maximum in days; null when the typfall gives no length. */
  maxDays: number | null;
}

export interface FmbGuidance {
  /** The code asked about, normalized ("F438A"). */
  code: string;
  /** The code the FMB entry is filed under after shortening ("F438"). */
  fmbCode: string;
  /** The entry's title (diagnosrubrik). */
  title: string;
  funktionsnedsattning: string | null;
  aktivitetsbegransning: string | null;
  /** Försäkringsmedicinsk information: general advice for the assessment. */
  information: string | null;
  typfall: FmbTypfall[];
  /** The most generous typfall length for the code; null when none gives a length. */
  limitDays: number | null;
}

export interface Fmb {
  /** Most generous recommended maximum over the codes, in days; null when no code has one. */
  limitDays(codes: string[]): number | null;
  /** The guidance of each code that has an FMB entry (codes without one are left out). */
  guidance(codes: string[]): FmbGuidance[];
  /** Number of diagnosis entries, typfall and distinct codes with an entry, for summaries. */
  readonly size: { diagnoses: number; typfall: number; codes: number };
}

export class FmbFormatError extends Error {}

const code = z.object({ kod: z.string(), kodsystemnamn: z.string().nullish() });
const optionalText = z.string().nullish();
const markup = z.object({ markup: optionalText }).partial().nullish();

const diagnosinformationSchema = z.object({
  data: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).optional(),
      attributes: z.object({
        titel: optionalText,
        diagnosrubrik: optionalText,
        diagnoskod: z.array(code).nullish(),
        nyckelord: z.array(code).nullish(),
        funktionsnedsattning: z.object({ funktionsnedsattningsbeskrivning: optionalText }).nullish(),
        aktivitetsbegransning: z.object({ aktivitetsbegransningsbeskrivning: optionalText }).nullish(),
        forsakringsmedicinskinformation: markup,
      }),
    }),
  ),
});

const typfallSchema = z.object({
  data: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).optional(),
      attributes: z.object({
        typfallsmening: optionalText,
        fmbtillstand: z.object({ diagnoskod: z.array(code).nullish() }).nullish(),
        nyckelord: z.array(code).nullish(),
        rekommenderadsjukskrivning: z
          .object({
            typfalletsrekommenderadesjukskrivning: optionalText,
            maximalsjukskrivningstid: z.union([z.string(), z.number()]).nullish(),
            maximalsjukskrivningsenhet: optionalText,
          })
          .nullish(),
      }),
    }),
  ),
});

export type DiagnosinformationDump = z.infer<typeof diagnosinformationSchema>;
export type TypfallDump = z.infer<typeof typfallSchema>;

function parseDump<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(top)"}: ${issue.message}`);
  throw new FmbFormatError(
    `The FMB ${name} dump does not have the expected JSON:API shape ({ data: [{ attributes: … }] }): ${problems.join("; ")}`,
  );
}

/** Checks a dump's shape; throws FmbFormatError naming the first problems. */
export function parseDiagnosinformation(value: unknown): DiagnosinformationDump {
  return parseDump(diagnosinformationSchema, value, "diagnosinformation");
}

export function parseTypfall(value: unknown): TypfallDump {
  return parseDump(typfallSchema, value, "typfall");
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Inline HTML and hard-wrapped text → plain text: paragraphs separated by a blank line. */
export function plainText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value
    .replace(/<\s*br\s*\/?>/gi, "\n")
    .replace(/<\s*li[^>]*>/gi, "\n\n• ")
    .replace(/<\s*\/\s*(p|div|ul|ol|h\d)\s*>/gi, "\n\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X"))
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
  return text === "" ? null : text;
}

const unitDays: Record<string, number> = { d: 1, wk: 7, mo: 31, y: 365 };

function maxDaysOf(
  recommendation: NonNullable<TypfallDump["data"][number]["attributes"]["rekommenderadsjukskrivning"]>,
  where: string,
): number | null {
  const amount = recommendation.maximalsjukskrivningstid;
  if (amount === null || amount === undefined || amount === "") return null;
  const value = typeof amount === "number" ? amount : /^\d+$/.test(amount.trim()) ? Number(amount) : NaN;
  const unit = (recommendation.maximalsjukskrivningsenhet ?? "").trim().toLowerCase();
  if (!Number.isInteger(value) || value < 0) {
    throw new FmbFormatError(
      `The FMB typfall dump: ${where} has the length "${amount}", not a whole number.`,
    );
  }
  const days = Object.hasOwn(unitDays, unit) ? unitDays[unit]! : undefined;
  if (days === undefined) {
    throw new FmbFormatError(
      `The FMB typfall dump: ${where} has the unit "${unit}" (expected d, wk, mo or y).`,
    );
  }
  return value * days;
}

/** The code itself, then shortened one position at a time down to 3 positions. */
export function shortenings(code: string): string[] {
  const normalized = normalizeIcdCode(code);
  const result: string[] = [];
  for (let length = normalized.length; length >= 3; length--) result.push(normalized.slice(0, length));
  return result;
}

function icdCodes(codes: { kod: string; kodsystemnamn?: string | null }[] | null | undefined) {
  return (codes ?? [])
    .filter((c) => !c.kodsystemnamn || /icd/i.test(c.kodsystemnamn))
    .map((c) => normalizeIcdCode(c.kod));
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function firstMatch<T>(map: Map<string, T[]>, code: string): { fmbCode: string; entries: T[] } | null {
  for (const candidate of shortenings(code)) {
    const entries = map.get(candidate);
    if (entries) return { fmbCode: candidate, entries };
  }
  return null;
}

function mostGenerous(values: (number | null)[]): number | null {
  let best: number | null = null;
  for (const value of values) if (value !== null && (best === null || value > best)) best = value;
  return best;
}

interface Entry {
  title: string;
  funktionsnedsattning: string | null;
  aktivitetsbegransning: string | null;
  information: string | null;
}

/** Builds the lookup from the two dumps; throws FmbFormatError when a dump has the wrong shape. */
export function createFmb(diagnosinformationJson: unknown, typfallJson: unknown): Fmb {
  const diagnoses = parseDiagnosinformation(diagnosinformationJson);
  const typfallDump = parseTypfall(typfallJson);

  const entries = new Map<string, Entry[]>();
  for (const item of diagnoses.data) {
    const a = item.attributes;
    const entry: Entry = {
      title: plainText(a.diagnosrubrik ?? a.titel) ?? "",
      funktionsnedsattning: plainText(a.funktionsnedsattning?.funktionsnedsattningsbeskrivning),
      aktivitetsbegransning: plainText(a.aktivitetsbegransning?.aktivitetsbegransningsbeskrivning),
      information: plainText(a.forsakringsmedicinskinformation?.markup),
    };
    const codes = a.diagnoskod?.length ? icdCodes(a.diagnoskod) : icdCodes(a.nyckelord);
    for (const c of new Set(codes)) addTo(entries, c, entry);
  }

  const typfall = new Map<string, FmbTypfall[]>();
  typfallDump.data.forEach((item, index) => {
    const a = item.attributes;
    const recommendation = a.rekommenderadsjukskrivning;
    const where = `typfall ${item.id ?? `[${index}]`}`;
    const value: FmbTypfall = {
      text: plainText(a.typfallsmening) ?? "",
      recommendation: plainText(recommendation?.typfalletsrekommenderadesjukskrivning),
      maxDays: recommendation ? maxDaysOf(recommendation, where) : null,
    };
    const codes = a.fmbtillstand?.diagnoskod?.length
      ? icdCodes(a.fmbtillstand.diagnoskod)
      : icdCodes(a.nyckelord);
    for (const c of new Set(codes)) addTo(typfall, c, value);
  });

  const limitOf = (code: string) => {
    const match = firstMatch(typfall, code);
    return match ? mostGenerous(match.entries.map((t) => t.maxDays)) : null;
  };

  return {
    limitDays: (codes) => mostGenerous(codes.map(limitOf)),
    guidance(codes) {
      const result: FmbGuidance[] = [];
      for (const requested of new Set(codes.map(normalizeIcdCode))) {
        const match = firstMatch(entries, requested);
        if (!match) continue;
        const entry = match.entries[0]!;
        const typfallMatch = firstMatch(typfall, requested);
        result.push({
          code: requested,
          fmbCode: match.fmbCode,
          ...entry,
          typfall: typfallMatch?.entries ?? [],
          limitDays: limitOf(requested),
        });
      }
      return result;
    },
    size: { diagnoses: diagnoses.data.length, typfall: typfallDump.data.length, codes: entries.size },
  };
}
