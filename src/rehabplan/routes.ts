/**
 * Rehabplan API (PRODUCT §2, §5.6): a patient's plans per sjukfall, saving (each save a version),
 * fastställ with the patient, avsluta, the version history and comparison.
 */
import type { Context } from "hono";
import { authorizeOnUnit } from "../access/authorize.ts";
import type { Capability } from "../access/policy.ts";
import type { AuditAction } from "../audit/actions.ts";
import { auditedRead } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import { patientIdParam } from "../patients/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, onUnit, patientRoute } from "../server/router.ts";
import { loadComparison, loadPlans, loadVersions } from "./read.ts";
import {
  closePlanBody,
  compareQuery,
  compareResponse,
  createPlanBody,
  establishPlanBody,
  planIdParam,
  planSchema,
  plansResponse,
  savePlanBody,
  versionsResponse,
} from "./schema.ts";
import { auditPurpose, closePlan, createPlan, establishPlan, savePlan } from "./service.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Rehabplan");

const routes = {
  plans: route({
    method: "get",
    path: "/patients/{id}/rehabplaner",
    summary:
      "The patient's rehab plans (one per sjukfall), handouts, and the unit's staff for responsibility",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(plansResponse, "Plans") },
  }),
  create: route({
    method: "post",
    path: "/patients/{id}/rehabplaner",
    summary: "Start a rehab plan (a draft) for a sjukfall; 409 when the case already has one",
    request: { params: patientIdParam, body: jsonBody(createPlanBody) },
    responses: { 201: jsonResponse(planSchema, "The draft") },
  }),
  save: route({
    method: "put",
    path: "/rehabplaner/{id}",
    summary: "Save the plan as a new version (409 with what changed when the version is stale)",
    request: { params: planIdParam, body: jsonBody(savePlanBody) },
    responses: { 200: jsonResponse(planSchema, "The saved plan") },
  }),
  establish: route({
    method: "post",
    path: "/rehabplaner/{id}/faststall",
    summary:
      "Fastställ the plan with the patient (anchoring date and how); refused while something is missing",
    request: { params: planIdParam, body: jsonBody(establishPlanBody) },
    responses: { 200: jsonResponse(planSchema, "The fastställd plan") },
  }),
  close: route({
    method: "post",
    path: "/rehabplaner/{id}/avsluta",
    summary: "End the plan (read-only afterwards; its open follow-up tasks end)",
    request: { params: planIdParam, body: jsonBody(closePlanBody) },
    responses: { 200: jsonResponse(planSchema, "The avslutad plan") },
  }),
  versions: route({
    method: "get",
    path: "/rehabplaner/{id}/versioner",
    summary: "Every saved version, newest first, each with its author, time and what changed",
    request: { params: planIdParam },
    responses: { 200: jsonResponse(versionsResponse, "Versions") },
  }),
  compare: route({
    method: "get",
    path: "/rehabplaner/{id}/jamforelse",
    summary: "What changed between two versions of the plan",
    request: { params: planIdParam, query: compareQuery },
    responses: { 200: jsonResponse(compareResponse, "The comparison") },
  }),
};

/** A read of one patient's plan data, logged in the same transaction. */
export async function planRead<T>(
  c: Ctx,
  capability: Capability,
  audit: { action: AuditAction; entity: string; purpose?: string },
  load: (tx: Tx, unitId: string, today: string) => Promise<T>,
  patientIdOf: (result: T) => string,
) {
  const { actor, grant, unitId } = authorizeOnUnit(c, capability);
  const today = stockholmToday(c.var.deps.now());
  return auditedRead(
    c.var.deps.database.db,
    { actor, grant },
    (tx) => load(tx, unitId, today),
    (result) => [
      {
        action: audit.action,
        purpose: audit.purpose ?? auditPurpose,
        patientId: patientIdOf(result),
        entity: audit.entity,
      },
    ],
  );
}

const readPlan = { action: "READ", entity: "rehab_plan" } as const;

export function rehabPlanRoutes() {
  const router = createRouter();

  router.openapi(routes.plans, async (c) => {
    const { id } = c.req.valid("param");
    const result = await planRead(
      c,
      "rehabplan.read",
      readPlan,
      (tx, unitId, today) => loadPlans(tx, unitId, id, today),
      () => id,
    );
    return c.json(result, 200);
  });

  router.openapi(routes.create, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "rehabplan.write", (ctx) => createPlan(ctx, id, body)), 201);
  });

  router.openapi(routes.save, async (c) => {
    const { id } = c.req.valid("param");
    const { version, content } = c.req.valid("json");
    return c.json(await onUnit(c, "rehabplan.write", (ctx) => savePlan(ctx, id, version, content)), 200);
  });

  router.openapi(routes.establish, async (c) => {
    const { id } = c.req.valid("param");
    const { version, ...anchoring } = c.req.valid("json");
    return c.json(
      await onUnit(c, "rehabplan.write", (ctx) => establishPlan(ctx, id, version, anchoring)),
      200,
    );
  });

  router.openapi(routes.close, async (c) => {
    const { id } = c.req.valid("param");
    const { version } = c.req.valid("json");
    return c.json(await onUnit(c, "rehabplan.write", (ctx) => closePlan(ctx, id, version)), 200);
  });

  router.openapi(routes.versions, async (c) => {
    const { id } = c.req.valid("param");
    const { versions } = await planRead(
      c,
      "rehabplan.read",
      readPlan,
      (tx, unitId) => loadVersions(tx, unitId, id),
      (r) => r.patientId,
    );
    return c.json({ versions }, 200);
  });

  router.openapi(routes.compare, async (c) => {
    const { id } = c.req.valid("param");
    const { from, to } = c.req.valid("query");
    const { comparison } = await planRead(
      c,
      "rehabplan.read",
      readPlan,
      (tx, unitId) => loadComparison(tx, unitId, id, from, to),
      (r) => r.patientId,
    );
    return c.json(comparison, 200);
  });

  return router;
}
