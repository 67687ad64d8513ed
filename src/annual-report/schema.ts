/**
 * Requests and responses of the annual report (issue #10 item 5): the chief's texts for one report
 * period of the active unit, saved in versions with optimistic concurrency, and the report as PDF.
 * No patient data: the texts are about the unit's aggregated figures.
 */
import { z } from "@hono/zod-openapi";
import { parseReportPeriod } from "./periods.ts";

/** The longest text of one field (about four pages). */
export const MAX_TEXT_LENGTH = 10_000;

export const reportPeriodParams = z.object({
  period: z
    .string()
    .refine((value) => parseReportPeriod(value) !== null, {
      error:
        "Ange rapportperioden (period) som ÅÅÅÅ (årsbokslut), ÅÅÅÅ-T2 (delårsrapport januari–augusti) eller ÅÅÅÅ-T1 (januari–april).",
    })
    .openapi({ param: { name: "period", in: "path" }, example: "2026-T2" }),
});

const text = (label: string, field: string) =>
  z
    .string({ error: `Skriv ${label} (${field}) som text.` })
    .max(MAX_TEXT_LENGTH, { error: `${label} (${field}) får vara högst ${MAX_TEXT_LENGTH} tecken.` });

export const reportTextFields = {
  summary: text("Sammanfattningen", "summary"),
  equality: text("Analysen av skillnader mellan kvinnor och män", "equality"),
  actions: text("Åtgärderna och planen framåt", "actions"),
};

export const saveReportTextsBody = z
  .object({
    /** The version the chief edited (0: none saved yet); another current version answers 409. */
    version: z
      .number({ error: "Versionen (version) saknas." })
      .int({ error: "Versionen (version) ska vara ett heltal." })
      .min(0, { error: "Versionen (version) ska vara 0 eller större." }),
    ...reportTextFields,
  })
  .openapi("AnnualReportTextsSave");

const savedVersion = z.object({
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
});

export const reportTextsResponse = z
  .object({
    period: z.object({ id: z.string(), label: z.string(), from: z.string(), to: z.string() }),
    /** 0 before the first save. */
    version: z.number().int(),
    summary: z.string(),
    equality: z.string(),
    actions: z.string(),
    /** Every saved version, latest first. */
    versions: z.array(savedVersion),
    /** Whether the user may write the texts (chief, MLU). */
    canWrite: z.boolean(),
  })
  .openapi("AnnualReportTexts");

export type ReportTexts = z.output<typeof reportTextsResponse>;
export type SaveReportTexts = z.output<typeof saveReportTextsBody>;
