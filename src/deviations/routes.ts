/**
 * The deviation API (issue #11 item 3), on the active unit: staff report deviations in the
 * sick-leave process (`deviation.report`) and follow their own; the chief and MLU
 * (`deviation.manage`) investigate, decide actions with owners and dates, move the workflow
 * ny → under utredning → åtgärdad → avslutad, flag "överväg lex Maria" and take out statistics.
 * A deviation about a patient is patient data: every operation on it is audited with the patient.
 */
import { recordAudit } from "../audit/audit.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import {
  createRouter,
  noPatientData,
  onUnit,
  patientRoute,
  type UnitCommandContext,
} from "../server/router.ts";
import {
  actionDoneBody,
  actionIdParams,
  addActionBody,
  createDeviationBody,
  deviationDetail as detailSchema,
  deviationIdParam,
  deviationList as listSchema,
  deviationStatisticsResponse,
  statisticsQuery,
  updateDeviationBody,
} from "./schema.ts";
import {
  addAction,
  completeAction,
  createDeviation,
  deviationDetail,
  deviationList,
  statistics,
  updateDeviation,
  visibleDeviation,
} from "./service.ts";

const route = patientRoute("Avvikelser");
const aggregate = patientRoute("Avvikelser", noPatientData);
const detail = jsonResponse(detailSchema, "The deviation");

const routes = {
  list: aggregate({
    method: "get",
    path: "/avvikelser",
    summary: "The unit's deviations (a reporter's own), without patient identities",
    responses: { 200: jsonResponse(listSchema, "The deviations") },
  }),
  statistics: aggregate({
    method: "get",
    path: "/avvikelser/statistik",
    summary: "Deviations per category and month of a period (ÅÅÅÅ-MM to ÅÅÅÅ-MM)",
    request: { query: statisticsQuery },
    responses: { 200: jsonResponse(deviationStatisticsResponse, "The statistics") },
  }),
  create: route({
    method: "post",
    path: "/avvikelser",
    summary: "Report a deviation, optionally about one of the unit's patients and certificates",
    request: { body: jsonBody(createDeviationBody) },
    responses: { 201: detail },
  }),
  detail: route({
    method: "get",
    path: "/avvikelser/{id}",
    summary: "One deviation with its actions and history",
    request: { params: deviationIdParam },
    responses: { 200: detail },
  }),
  update: route({
    method: "put",
    path: "/avvikelser/{id}",
    summary: "Investigation, lex Maria flag and the next status (409 when stale)",
    request: { params: deviationIdParam, body: jsonBody(updateDeviationBody) },
    responses: { 200: detail },
  }),
  addAction: route({
    method: "post",
    path: "/avvikelser/{id}/atgarder",
    summary: "Add an action with its owner and due date",
    request: { params: deviationIdParam, body: jsonBody(addActionBody) },
    responses: { 200: detail },
  }),
  actionDone: route({
    method: "post",
    path: "/avvikelser/{id}/atgarder/{actionId}/klar",
    summary: "Mark an action done today",
    request: { params: actionIdParams, body: jsonBody(actionDoneBody) },
    responses: { 200: detail },
  }),
};

const audit = (
  ctx: UnitCommandContext,
  action: "CREATE" | "READ" | "UPDATE" | "STATISTICS",
  entry: { id?: string; patientId?: string | null; details?: Record<string, unknown> },
) =>
  recordAudit(ctx.tx, { actor: ctx.actor, grant: ctx.grant, unitId: ctx.unitId }, [
    {
      action,
      purpose: "Avvikelsehantering",
      entity: "deviation",
      ...(entry.id ? { entityId: entry.id } : {}),
      patientId: entry.patientId ?? null,
      details: entry.details ?? {},
    },
  ]);

export function deviationRoutes() {
  const router = createRouter();

  router.openapi(routes.list, async (c) => c.json(await onUnit(c, "deviation.report", deviationList), 200));

  router.openapi(routes.statistics, async (c) => {
    const { from, to } = c.req.valid("query");
    const result = await onUnit(c, "deviation.manage", async (ctx) => {
      const result = await statistics(ctx, from, to);
      await audit(ctx, "STATISTICS", { details: { from, to } });
      return result;
    });
    return c.json(result, 200);
  });

  router.openapi(routes.create, async (c) => {
    const input = c.req.valid("json");
    const created = await onUnit(c, "deviation.report", async (ctx) => {
      const created = await createDeviation(ctx, input);
      await audit(ctx, "CREATE", {
        id: created.id,
        patientId: input.patientId,
        details: { category: input.category },
      });
      return created;
    });
    return c.json(created, 201);
  });

  router.openapi(routes.detail, async (c) => {
    const { id } = c.req.valid("param");
    const found = await onUnit(c, "deviation.report", async (ctx) => {
      const found = await deviationDetail(ctx, id);
      const { row } = await visibleDeviation(ctx, id);
      await audit(ctx, "READ", { id, patientId: row.patientId });
      return found;
    });
    return c.json(found, 200);
  });

  router.openapi(routes.update, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const result = await onUnit(c, "deviation.manage", async (ctx) => {
      const result = await updateDeviation(ctx, id, input);
      await audit(ctx, "UPDATE", {
        id,
        patientId: result.patientId,
        details: { status: result.status, lexMaria: input.lexMaria },
      });
      return result.deviation;
    });
    return c.json(result, 200);
  });

  router.openapi(routes.addAction, async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const result = await onUnit(c, "deviation.manage", async (ctx) => {
      const result = await addAction(ctx, id, input);
      await audit(ctx, "UPDATE", { id, patientId: result.patientId, details: { action: "added" } });
      return result.deviation;
    });
    return c.json(result, 200);
  });

  router.openapi(routes.actionDone, async (c) => {
    const { id, actionId } = c.req.valid("param");
    const { version } = c.req.valid("json");
    const result = await onUnit(c, "deviation.manage", async (ctx) => {
      const result = await completeAction(ctx, id, actionId, version);
      await audit(ctx, "UPDATE", { id, patientId: result.patientId, details: { action: "done", actionId } });
      return result.deviation;
    });
    return c.json(result, 200);
  });

  return router;
}
