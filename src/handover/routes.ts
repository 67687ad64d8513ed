/**
 * Överlämning (handover) API: GET/POST /overlamningar, POST /overlamningar/{id}/avsluta
 * (`handover.manage`): the unit's handovers; no patient data (doctors and dates), each change
 * logged as administration. The cases a handover gives the receiving doctor show in the unit
 * list, the review (genomgång), the ärende and task lists.
 */
import type { Context } from "hono";
import { authorizeOnUnit } from "../access/authorize.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import type { AppEnv } from "../server/env.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData, patientRoute } from "../server/router.ts";
import {
  createHandoverBody,
  endHandoverBody,
  handoverIdParam,
  handoverSchema,
  handoversResponse,
} from "./schema.ts";
import { createHandover, endHandoverEarly, loadHandovers, type HandoverContext } from "./service.ts";

const handoverRoute = patientRoute("Genomgång", noPatientData);

const routes = {
  handovers: handoverRoute({
    method: "get",
    path: "/overlamningar",
    summary: "The unit's handovers (history kept) and its doctors",
    responses: { 200: jsonResponse(handoversResponse, "Handovers") },
  }),
  createHandover: handoverRoute({
    method: "post",
    path: "/overlamningar",
    summary: "Hand a doctor's cases to another doctor of the unit for a period (no overlaps, no chains)",
    request: { body: jsonBody(createHandoverBody) },
    responses: { 201: jsonResponse(handoverSchema, "The handover") },
  }),
  endHandover: handoverRoute({
    method: "post",
    path: "/overlamningar/{id}/avsluta",
    summary: "End a handover early: its last day (the day before the start withdraws it)",
    request: { params: handoverIdParam, body: jsonBody(endHandoverBody) },
    responses: { 200: jsonResponse(handoverSchema, "The ended handover") },
  }),
};

function context(c: Context<AppEnv>, tx: Tx, auth: ReturnType<typeof authorizeOnUnit>): HandoverContext {
  const now = c.var.deps.now();
  return { tx, actor: auth.actor, grant: auth.grant, unitId: auth.unitId, now, today: stockholmToday(now) };
}

export function handoverRoutes() {
  const router = createRouter();

  router.openapi(routes.handovers, async (c) => {
    const auth = authorizeOnUnit(c, "handover.manage");
    const today = stockholmToday(c.var.deps.now());
    const result = await c.var.deps.database.db.transaction((tx) =>
      loadHandovers({ tx, unitId: auth.unitId, today }),
    );
    return c.json(result, 200);
  });

  router.openapi(routes.createHandover, async (c) => {
    const auth = authorizeOnUnit(c, "handover.manage");
    const body = c.req.valid("json");
    const result = await c.var.deps.database.db.transaction((tx) =>
      createHandover(context(c, tx, auth), body),
    );
    return c.json(result, 201);
  });

  router.openapi(routes.endHandover, async (c) => {
    const auth = authorizeOnUnit(c, "handover.manage");
    const { id } = c.req.valid("param");
    const { version, lastDay } = c.req.valid("json");
    const result = await c.var.deps.database.db.transaction((tx) =>
      endHandoverEarly(context(c, tx, auth), id, version, lastDay),
    );
    return c.json(result, 200);
  });

  return router;
}
