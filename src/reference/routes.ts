/**
 * Reference API: ICD-10-SE typeahead and lookup, FMB limits and guidance. Any logged-in user; no
 * patient data (the query is a diagnosis, never a person), so nothing is audited.
 */
import { createRoute } from "@hono/zod-openapi";
import { ApiError } from "../server/errors.ts";
import { errorResponses, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData } from "../server/router.ts";
import {
  diagnosisCodeParam,
  diagnosisDetailSchema,
  diagnosisSearchQuery,
  diagnosisSearchResponse,
  fmbQuery,
  fmbResponse,
} from "./schema.ts";

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) =>
  createRoute({
    ...r,
    ...noPatientData,
    tags: ["Referensdata"],
    responses: { ...r.responses, ...errorResponses },
  });

const routes = {
  search: route({
    method: "get",
    path: "/diagnoses",
    summary: "ICD-10-SE typeahead by code prefix or Swedish words",
    request: {
      query: diagnosisSearchQuery,
    },
    responses: { 200: jsonResponse(diagnosisSearchResponse, "Best matches first") },
  }),
  lookup: route({
    method: "get",
    path: "/diagnoses/{code}",
    summary: "One ICD-10-SE code (with or without dot) with its chapter, block and diagnosis group",
    request: {
      params: diagnosisCodeParam,
    },
    responses: { 200: jsonResponse(diagnosisDetailSchema, "The code") },
  }),
  fmb: route({
    method: "get",
    path: "/fmb",
    summary: "FMB: the most generous recommended length (days) and the guidance for the codes",
    request: {
      query: fmbQuery,
    },
    responses: {
      200: jsonResponse(
        fmbResponse,
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
