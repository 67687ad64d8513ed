/**
 * The annual report API (issue #10 item 5): the chief's texts for a report period of the active
 * unit (read by staff with `statistics.unit`, written by chief and MLU with `statistics.report`,
 * saved in versions, a stale save answers 409 with what is saved now), and the report as PDF.
 * Aggregates only: every call is one audit event without a patient.
 */
import type { Context } from "hono";
import { grantFor } from "../access/actor.ts";
import { authorizeOnUnit } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { AppEnv } from "../server/env.ts";
import { errors } from "../server/errors.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData, patientRoute } from "../server/router.ts";
import { renderAnnualReportPdf } from "./document.ts";
import { parseReportPeriod } from "./periods.ts";
import { reportPeriodParams, reportTextsResponse, saveReportTextsBody } from "./schema.ts";
import { annualReport, reportTexts, saveReportTexts } from "./service.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Årsrapport", noPatientData);
const path = "/statistik/arsrapport/{period}";

const routes = {
  texts: route({
    method: "get",
    path,
    summary: "The chief's texts of the unit's report for a period (ÅÅÅÅ, ÅÅÅÅ-T2, ÅÅÅÅ-T1), with versions",
    request: { params: reportPeriodParams },
    responses: { 200: jsonResponse(reportTextsResponse, "The texts") },
  }),
  save: route({
    method: "put",
    path,
    summary: "Save the texts as a new version (409 when the version is stale)",
    request: { params: reportPeriodParams, body: jsonBody(saveReportTextsBody) },
    responses: { 200: jsonResponse(reportTextsResponse, "The saved texts") },
  }),
  pdf: route({
    method: "get",
    path: `${path}/pdf`,
    summary: "The report as PDF: the unit's figures, equality, komplettering follow-up, the chief's texts",
    request: { params: reportPeriodParams },
    responses: {
      200: {
        description: "The PDF",
        content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
      },
    },
  }),
};

/** The period of a validated path (the schema already refused any other). */
const periodOf = (c: Ctx, id: string) => {
  const period = parseReportPeriod(id);
  if (!period) throw new Error(`unvalidated report period in ${c.req.path}`);
  return period;
};

const audit = (entity: string, details: Record<string, unknown>) => ({
  purpose: "Statistik",
  entity,
  details,
});

export function annualReportRoutes() {
  const router = createRouter();

  router.openapi(routes.texts, async (c) => {
    const auth = authorizeOnUnit(c, "statistics.unit");
    const period = periodOf(c, c.req.valid("param").period);
    const canWrite = grantFor(auth.actor, "statistics.report") !== null;
    const texts = await c.var.deps.database.db.transaction(async (tx) => {
      const texts = await reportTexts(tx, auth.unitId, period, canWrite);
      await recordAudit(tx, auth, [
        {
          action: "STATISTICS",
          ...audit("annual_report_text", { period: period.id, version: texts.version }),
        },
      ]);
      return texts;
    });
    return c.json(texts, 200);
  });

  router.openapi(routes.save, async (c) => {
    const auth = authorizeOnUnit(c, "statistics.report");
    const period = periodOf(c, c.req.valid("param").period);
    const input = c.req.valid("json");
    const now = c.var.deps.now();
    const texts = await c.var.deps.database.db.transaction(async (tx) => {
      const saved = await saveReportTexts(
        tx,
        { unitId: auth.unitId, userId: auth.actor.userId, now },
        period,
        input,
      );
      await recordAudit(tx, auth, [
        {
          action: input.version === 0 ? "CREATE" : "UPDATE",
          ...audit("annual_report_text", {
            period: period.id,
            version: saved.texts.version,
            changed: saved.changed,
          }),
        },
      ]);
      return saved.texts;
    });
    return c.json(texts, 200);
  });

  router.openapi(routes.pdf, async (c) => {
    const auth = authorizeOnUnit(c, "statistics.unit");
    const period = periodOf(c, c.req.valid("param").period);
    const doctors = grantFor(auth.actor, "statistics.doctors") ? ("ALL" as const) : ("OWN" as const);
    const now = c.var.deps.now();
    if (period.firstDay > stockholmToday(now)) {
      throw errors.badRequest("Rapportperioden (period) har inte börjat än.", [
        { path: "period", message: "Rapportperioden har inte börjat än: välj en period som har börjat." },
      ]);
    }
    const report = await c.var.deps.database.db.transaction(async (tx) => {
      const report = await annualReport(
        tx,
        { unitId: auth.unitId, userId: auth.actor.userId, doctors },
        period,
        now,
      );
      await recordAudit(tx, auth, [
        {
          action: "EXPORT",
          ...audit("annual_report", { period: period.id, day: report.day, doctors, format: "pdf" }),
        },
      ]);
      return report;
    });
    const file = await renderAnnualReportPdf(report);
    return c.body(new Uint8Array(file), 200, {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="arsrapport-${period.id}.pdf"`,
      "cache-control": "no-store",
    });
  });

  return router;
}
