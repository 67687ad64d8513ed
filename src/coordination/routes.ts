/**
 * Coordination API (Lag 2019:1297): samtycke, aktualisering decisions, kartläggande samtal,
 * koordineringsinsatser, meetings with external parties, and the patient's coordination log.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { authorizeOnUnit } from "../access/authorize.ts";
import { auditedRead } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import { patientIdParam } from "../patients/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, onUnit, patientRoute } from "../server/router.ts";
import {
  aktualiseringResponse,
  completeSamtalBody,
  consentIdParam,
  consentSchema,
  consentsResponse,
  coordinationLogResponse,
  createSamtalBody,
  decideBody,
  decisionSchema,
  measureSchema,
  meetingSchema,
  recordConsentBody,
  recordMeasureBody,
  recordMeetingBody,
  samtalIdParam,
  samtalSchema,
  updateSamtalBody,
  withdrawConsentBody,
} from "./schema.ts";
import {
  auditPurpose,
  completeSamtal,
  createSamtal,
  decide,
  loadAktualisering,
  loadConsents,
  loadLog,
  loadSamtal,
  loadSamtalList,
  recordConsent,
  recordMeasure,
  recordMeeting,
  updateSamtal,
  withdrawConsent,
} from "./service.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Koordinering");

const routes = {
  consents: route({
    method: "get",
    path: "/patients/{id}/samtycken",
    summary: "The patient's consents (history kept) and the state of each kind today",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(consentsResponse, "Consents and their state") },
  }),
  recordConsent: route({
    method: "post",
    path: "/patients/{id}/samtycken",
    summary:
      "Record a consent: koordinering, team or informing Försäkringskassan (valid 12 months by default)",
    request: { params: patientIdParam, body: jsonBody(recordConsentBody) },
    responses: { 201: jsonResponse(consentSchema, "The recorded consent") },
  }),
  withdrawConsent: route({
    method: "post",
    path: "/samtycken/{id}/withdraw",
    summary: "Withdraw a consent; the consent stays in the history with the withdrawal",
    request: { params: consentIdParam, body: jsonBody(withdrawConsentBody) },
    responses: { 200: jsonResponse(consentSchema, "The withdrawn consent") },
  }),
  aktualisering: route({
    method: "get",
    path: "/patients/{id}/aktualisering",
    summary: "The patient's cases with the current aktualisering decision and the history of each",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(aktualiseringResponse, "Cases and decisions") },
  }),
  decide: route({
    method: "post",
    path: "/patients/{id}/aktualisering",
    summary:
      "Decide for a case: team (TEAM consent), coordination without team (KOORDINERING consent) or no action",
    request: { params: patientIdParam, body: jsonBody(decideBody) },
    responses: { 201: jsonResponse(decisionSchema, "The decision, now current for the case") },
  }),
  samtalList: route({
    method: "get",
    path: "/patients/{id}/kartlaggande-samtal",
    summary: "The patient's kartläggande samtal, newest first (drafts and completed)",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(z.object({ samtal: z.array(samtalSchema) }), "Samtal") },
  }),
  createSamtal: route({
    method: "post",
    path: "/patients/{id}/kartlaggande-samtal",
    summary: "Start a kartläggande samtal (a draft)",
    request: { params: patientIdParam, body: jsonBody(createSamtalBody) },
    responses: { 201: jsonResponse(samtalSchema, "The draft") },
  }),
  samtal: route({
    method: "get",
    path: "/kartlaggande-samtal/{id}",
    summary: "One kartläggande samtal",
    request: { params: samtalIdParam },
    responses: { 200: jsonResponse(samtalSchema, "The samtal") },
  }),
  updateSamtal: route({
    method: "put",
    path: "/kartlaggande-samtal/{id}",
    summary: "Save a draft (the fields sent are changed; 409 when the version is stale)",
    request: { params: samtalIdParam, body: jsonBody(updateSamtalBody) },
    responses: { 200: jsonResponse(samtalSchema, "The saved draft") },
  }),
  completeSamtal: route({
    method: "post",
    path: "/kartlaggande-samtal/{id}/complete",
    summary:
      "Complete a samtal (read-only afterwards); a decision outcome is recorded as the case's decision",
    request: { params: samtalIdParam, body: jsonBody(completeSamtalBody) },
    responses: {
      200: jsonResponse(
        samtalSchema.extend({ decisionId: z.string().nullable() }),
        "The completed samtal; decisionId of the aktualisering decision it recorded",
      ),
    },
  }),
  recordMeasure: route({
    method: "post",
    path: "/patients/{id}/koordineringsinsatser",
    summary: "Record a koordineringsinsats (requires valid KOORDINERING consent on its date)",
    request: { params: patientIdParam, body: jsonBody(recordMeasureBody) },
    responses: { 201: jsonResponse(measureSchema, "The recorded measure") },
  }),
  recordMeeting: route({
    method: "post",
    path: "/patients/{id}/samverkansmoten",
    summary: "Record a trepartsmöte or avstämningsmöte with external parties",
    request: { params: patientIdParam, body: jsonBody(recordMeetingBody) },
    responses: { 201: jsonResponse(meetingSchema, "The recorded meeting") },
  }),
  log: route({
    method: "get",
    path: "/patients/{id}/koordinering",
    summary:
      "The coordination log: consent state and every consent, decision, samtal, measure and meeting in time order",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(coordinationLogResponse, "The log") },
  }),
};

/** A read of one patient's coordination data, logged in the same transaction. */
async function read<T>(
  c: Ctx,
  entity: string,
  load: (tx: Tx, unitId: string, today: string) => Promise<T>,
  patientIdOf: (result: T) => string,
) {
  const { actor, grant, unitId } = authorizeOnUnit(c, "coordination.read");
  const today = stockholmToday(c.var.deps.now());
  return auditedRead(
    c.var.deps.database.db,
    { actor, grant },
    (tx) => load(tx, unitId, today),
    (result) => [{ action: "READ", purpose: auditPurpose, patientId: patientIdOf(result), entity }],
  );
}

export function coordinationRoutes() {
  const router = createRouter();

  router.openapi(routes.consents, async (c) => {
    const { id } = c.req.valid("param");
    const result = await read(
      c,
      "consent",
      (tx, unitId, today) => loadConsents(tx, unitId, id, today),
      () => id,
    );
    return c.json(result, 200);
  });

  router.openapi(routes.recordConsent, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "consent.record", (ctx) => recordConsent(ctx, id, body)), 201);
  });

  router.openapi(routes.withdrawConsent, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "consent.record", (ctx) => withdrawConsent(ctx, id, body)), 200);
  });

  router.openapi(routes.aktualisering, async (c) => {
    const { id } = c.req.valid("param");
    const result = await read(
      c,
      "aktualisering",
      (tx, unitId, today) => loadAktualisering(tx, unitId, id, today),
      () => id,
    );
    return c.json(result, 200);
  });

  router.openapi(routes.decide, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "coordination.write", (ctx) => decide(ctx, id, body)), 201);
  });

  router.openapi(routes.samtalList, async (c) => {
    const { id } = c.req.valid("param");
    const samtal = await read(
      c,
      "kartlaggande_samtal",
      (tx, unitId) => loadSamtalList(tx, unitId, id),
      () => id,
    );
    return c.json({ samtal }, 200);
  });

  router.openapi(routes.createSamtal, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "coordination.write", (ctx) => createSamtal(ctx, id, body)), 201);
  });

  router.openapi(routes.samtal, async (c) => {
    const { id } = c.req.valid("param");
    const { view } = await read(
      c,
      "kartlaggande_samtal",
      (tx, unitId) => loadSamtal(tx, unitId, id),
      (r) => r.patientId,
    );
    return c.json(view, 200);
  });

  router.openapi(routes.updateSamtal, async (c) => {
    const { id } = c.req.valid("param");
    const { version, ...changes } = c.req.valid("json");
    return c.json(
      await onUnit(c, "coordination.write", (ctx) => updateSamtal(ctx, id, version, changes)),
      200,
    );
  });

  router.openapi(routes.completeSamtal, async (c) => {
    const { id } = c.req.valid("param");
    const { version } = c.req.valid("json");
    return c.json(await onUnit(c, "coordination.write", (ctx) => completeSamtal(ctx, id, version)), 200);
  });

  router.openapi(routes.recordMeasure, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "coordination.write", (ctx) => recordMeasure(ctx, id, body)), 201);
  });

  router.openapi(routes.recordMeeting, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "coordination.write", (ctx) => recordMeeting(ctx, id, body)), 201);
  });

  router.openapi(routes.log, async (c) => {
    const { id } = c.req.valid("param");
    const result = await read(
      c,
      "koordinering",
      (tx, unitId, today) => loadLog(tx, unitId, id, today),
      () => id,
    );
    return c.json(result, 200);
  });

  return router;
}
