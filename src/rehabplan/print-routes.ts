/**
 * The patient's documents (issue #9 item 5): the plan's patient version and the sick-leave
 * brochure, as JSON for the web app's printable page and as PDF — each fetch logged as a print —
 * and the record that one was handed out.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { patientIdParam } from "../patients/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, onUnit, patientRoute } from "../server/router.ts";
import { loadBrochure, loadPlanDocument, recordHandout } from "./patient-info-service.ts";
import { renderPatientDocumentPdf } from "./pdf.ts";
import { planRead } from "./routes.ts";
import { handoutBody, handoutSchema, planIdParam, printDocumentSchema } from "./schema.ts";
import type { PrintDocument } from "./patient-info.ts";

const route = patientRoute("Rehabplan");
const pdfResponse = (description: string) => ({
  content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
  description,
});

const routes = {
  planDocument: route({
    method: "get",
    path: "/rehabplaner/{id}/patientversion",
    summary: "The plan in plain Swedish for the patient (logged as a print)",
    request: { params: planIdParam },
    responses: { 200: jsonResponse(printDocumentSchema, "The patient's version") },
  }),
  planPdf: route({
    method: "get",
    path: "/rehabplaner/{id}/patientversion.pdf",
    summary: "The plan's patient version as PDF (logged as a print)",
    request: { params: planIdParam },
    responses: { 200: pdfResponse("The PDF") },
  }),
  brochure: route({
    method: "get",
    path: "/patients/{id}/sjukskrivningsbroschyr",
    summary: "The sick-leave brochure for the patient, with the unit's contact (logged as a print)",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(printDocumentSchema, "The brochure") },
  }),
  brochurePdf: route({
    method: "get",
    path: "/patients/{id}/sjukskrivningsbroschyr.pdf",
    summary: "The sick-leave brochure as PDF (logged as a print)",
    request: { params: patientIdParam },
    responses: { 200: pdfResponse("The PDF") },
  }),
  handout: route({
    method: "post",
    path: "/patients/{id}/utlamningar",
    summary: "Record that the brochure or the plan's patient version was handed out to the patient",
    request: { params: patientIdParam, body: jsonBody(handoutBody) },
    responses: { 201: jsonResponse(handoutSchema, "The record") },
  }),
};

const printOf = (entity: string, purpose: string) => ({ action: "PRINT" as const, entity, purpose });
const planPrint = printOf("rehab_plan", "Utskrift av rehabplanen för patienten");
const brochurePrint = printOf("patient_info", "Utskrift av broschyr om sjukskrivning");

async function pdf(c: Context<AppEnv>, document: PrintDocument, filename: string) {
  const bytes = await renderPatientDocumentPdf(document, c.var.deps.now());
  return c.body(new Uint8Array(bytes), 200, {
    "content-type": "application/pdf",
    "content-disposition": `inline; filename="${filename}"`,
    "cache-control": "no-store",
  });
}

export function patientInfoRoutes() {
  const router = createRouter();

  const planDocument = (c: Context<AppEnv>, id: string) =>
    planRead(
      c,
      "patientinfo.handout",
      planPrint,
      (tx, unitId) => loadPlanDocument(tx, unitId, id),
      (r) => r.patientId,
    );
  const brochure = (c: Context<AppEnv>, id: string) =>
    planRead(
      c,
      "patientinfo.handout",
      brochurePrint,
      (tx, unitId) => loadBrochure(tx, unitId, id),
      (r) => r.patientId,
    );

  router.openapi(routes.planDocument, async (c) => {
    const { document } = await planDocument(c, c.req.valid("param").id);
    return c.json(document, 200);
  });

  router.openapi(routes.planPdf, async (c) => {
    const { document } = await planDocument(c, c.req.valid("param").id);
    return pdf(c, document, "min-plan.pdf");
  });

  router.openapi(routes.brochure, async (c) => {
    const { document } = await brochure(c, c.req.valid("param").id);
    return c.json(document, 200);
  });

  router.openapi(routes.brochurePdf, async (c) => {
    const { document } = await brochure(c, c.req.valid("param").id);
    return pdf(c, document, "sjukskrivning.pdf");
  });

  router.openapi(routes.handout, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "patientinfo.handout", (ctx) => recordHandout(ctx, id, body)), 201);
  });

  return router;
}
