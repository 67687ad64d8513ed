/** Request and response schemas of the reference data API: ICD-10-SE diagnoses and FMB guidance. */
import { z } from "@hono/zod-openapi";
import { hasIcdCodeShape, normalizeIcdCode } from "./icd10/codes.ts";

const MAX_CODES = 10;

const codeText = z
  .string()
  .trim()
  .transform(normalizeIcdCode)
  .refine(hasIcdCodeShape, { error: "Diagnoskoden ska ha 3–5 positioner, t.ex. M54 eller F43.8A." });

export const diagnosisSchema = z.object({ code: z.string(), title: z.string() }).openapi("Diagnosis");
const rangeSchema = z.object({ id: z.string(), title: z.string() });

export const diagnosisDetailSchema = diagnosisSchema
  .extend({
    chapter: rangeSchema.nullable(),
    block: rangeSchema.nullable(),
    group: z.object({ name: z.string() }).nullable(),
  })
  .openapi("DiagnosisDetail");

const typfallSchema = z.object({
  text: z.string(),
  recommendation: z.string().nullable(),
  maxDays: z.number().nullable(),
});

export const guidanceSchema = z
  .object({
    code: z.string(),
    fmbCode: z.string(),
    title: z.string(),
    funktionsnedsattning: z.string().nullable(),
    aktivitetsbegransning: z.string().nullable(),
    information: z.string().nullable(),
    typfall: z.array(typfallSchema),
    limitDays: z.number().nullable(),
  })
  .openapi("FmbGuidance");

// ---- Requests ----

export const diagnosisSearchQuery = z.object({
  q: z.string().max(100, "Sökningen får vara högst 100 tecken.").default(""),
  limit: z.coerce
    .number({ error: "Ange ett antal från 1 till 100." })
    .int("Ange ett antal från 1 till 100.")
    .min(1, "Ange ett antal från 1 till 100.")
    .max(100, "Ange ett antal från 1 till 100.")
    .default(20),
});

export const diagnosisCodeParam = z.object({
  code: codeText.openapi({ param: { name: "code", in: "path" }, example: "F43.8A" }),
});

export const fmbQuery = z.object({
  codes: z
    .string({ error: "Ange diagnoskoder, t.ex. codes=F438A,M54." })
    .transform((text) => text.split(",").map((part) => part.trim()))
    .pipe(z.array(codeText).min(1).max(MAX_CODES, `Ange högst ${MAX_CODES} diagnoskoder.`))
    .openapi({ example: "F438A,M54" }),
});

// ---- Responses ----

export const diagnosisSearchResponse = z.object({ diagnoses: z.array(diagnosisSchema) });
export const fmbResponse = z.object({ limitDays: z.number().nullable(), guidance: z.array(guidanceSchema) });

export type Diagnosis = z.output<typeof diagnosisSchema>;
export type DiagnosisDetail = z.output<typeof diagnosisDetailSchema>;
export type DiagnosisSearch = z.output<typeof diagnosisSearchResponse>;
export type FmbAnswer = z.output<typeof fmbResponse>;
