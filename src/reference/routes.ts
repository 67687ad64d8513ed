/**
 * Reference API: ICD-10-SE typeahead and lookup, FMB limits and guidance. Any logged-in user; no
 * patient data (the query is a diagnosis, never a person), so nothing is audited.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../server/errors.ts";
import { errorResponses, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData } from "../server/router.ts";
import { hasIcdCodeShape, normalizeIcdCode } from "./icd10/codes.ts";

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({
    ...r,
    ...noPatientData,
    tags: ["Referensdata"],
    responses: { ...r.responses, ...errorResponses },
  });

const MAX_CODES = 10;

const codeText = z
  .string()
  .trim()
  .transform(normalizeIcdCode)
  .refine(hasIcdCodeShape, { error: "Diagnoskoden ska ha 3–5 positioner, t.ex. M54 eller F43.8A." });

const diagnosisSchema = z.object({ code: z.string(), title: z.string() }).openapi("Diagnosis");
const rangeSchema = z.object({ id: z.string(), title: z.string() });

const diagnosisDetailSchema = diagnosisSchema
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

const guidanceSchema = z
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

const routes = {
  search: route({
    method: "get",
    path: "/diagnoses",
    summary: "ICD-10-SE typeahead by code prefix or Swedish words",
    request: {
      query: z.object({
        q: z.string().max(100, "Sökningen får vara högst 100 tecken.").default(""),
        limit: z.coerce
          .number({ error: "Ange ett antal från 1 till 100." })
          .int("Ange ett antal från 1 till 100.")
          .min(1, "Ange ett antal från 1 till 100.")
          .max(100, "Ange ett antal från 1 till 100.")
          .default(20),
      }),
    },
    responses: { 200: jsonResponse(z.object({ diagnoses: z.array(diagnosisSchema) }), "Best matches first") },
  }),
  lookup: route({
    method: "get",
    path: "/diagnoses/{code}",
    summary: "One ICD-10-SE code (with or without dot) with its chapter, block and diagnosis group",
    request: {
      params: z.object({
        code: codeText.openapi({ param: { name: "code", in: "path" }, example: "F43.8A" }),
      }),
    },
    responses: { 200: jsonResponse(diagnosisDetailSchema, "The code") },
  }),
  fmb: route({
    method: "get",
    path: "/fmb",
    summary: "FMB: the most generous recommended length (days) and the guidance for the codes",
    request: {
      query: z.object({
        codes: z
          .string({ error: "Ange diagnoskoder, t.ex. codes=F438A,M54." })
          .transform((text) => text.split(",").map((part) => part.trim()))
          .pipe(z.array(codeText).min(1).max(MAX_CODES, `Ange högst ${MAX_CODES} diagnoskoder.`))
          .openapi({ example: "F438A,M54" }),
      }),
    },
    responses: {
      200: jsonResponse(
        z.object({ limitDays: z.number().nullable(), guidance: z.array(guidanceSchema) }),
        "Limit in days (null: no recommendation) and guidance per code that has an FMB entry",
      ),
    },
  }),
};

export function referenceRoutes() {
  const router = createRouter();

  router.openapi(routes.search, (c) => {
    const { q, limit } = c.req.valid("query");
    const { icd10 } = c.get("deps").reference;
    const diagnoses = icd10.search(q, limit).map(({ code, title }) => ({ code, title }));
    return c.json({ diagnoses }, 200);
  });

  router.openapi(routes.lookup, (c) => {
    const { code } = c.req.valid("param");
    const { icd10 } = c.get("deps").reference;
    const entry = icd10.lookup(code);
    if (!entry) throw new ApiError(404, "NOT_FOUND", "Diagnoskoden finns inte i ICD-10-SE.");
    const chapter = icd10.chapterOf(code);
    const block = icd10.blockOf(code);
    const group = icd10.groupOf(code);
    return c.json(
      {
        code: entry.code,
        title: entry.title,
        chapter: chapter ? { id: chapter.id, title: chapter.title } : null,
        block: block ? { id: block.id, title: block.title } : null,
        group: group ? { name: group.name } : null,
      },
      200,
    );
  });

  router.openapi(routes.fmb, (c) => {
    const { codes } = c.req.valid("query");
    const { fmb } = c.get("deps").reference;
    return c.json({ limitDays: fmb.limitDays(codes), guidance: fmb.guidance(codes) }, 200);
  });

  return router;
}
