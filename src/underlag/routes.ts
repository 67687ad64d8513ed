/**
 * Underlag API (issue #9 item 7): ask another profession for an underlag about function and
 * activity, the profession's queue, the structured answer. Reads log one event per patient shown.
 */
import type { Context } from "hono";
import { authorizeOnUnit } from "../access/authorize.ts";
import { auditedRead, type AuditEntry } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import { patientIdParam } from "../patients/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, onUnit, patientRoute } from "../server/router.ts";
import { professionOf } from "./rules.ts";
import {
  answerUnderlagBody,
  createUnderlagBody,
  queueQuery,
  underlagIdParam,
  underlagListResponse,
  underlagSchema,
  type Underlag,
} from "./schema.ts";
import { answerRequest, auditPurpose, createRequest, loadOfPatient, loadOne, loadQueue } from "./service.ts";

type Ctx = Context<AppEnv>;

const route = patientRoute("Underlag");

const routes = {
  ofPatient: route({
    method: "get",
    path: "/patients/{id}/underlag",
    summary: "The patient's requests for underlag from other professions and their answers, newest first",
    request: { params: patientIdParam },
    responses: { 200: jsonResponse(underlagListResponse, "Underlag") },
  }),
  create: route({
    method: "post",
    path: "/patients/{id}/underlag",
    summary: "Ask a fysioterapeut, psykolog, kurator or arbetsterapeut for an underlag (creates their tasks)",
    request: { params: patientIdParam, body: jsonBody(createUnderlagBody) },
    responses: { 201: jsonResponse(underlagSchema, "The request") },
  }),
  queue: route({
    method: "get",
    path: "/underlag",
    summary: "A profession's queue of requests (the user's own profession by default), by wanted-by date",
    request: { query: queueQuery },
    responses: { 200: jsonResponse(underlagListResponse, "Requests") },
  }),
  one: route({
    method: "get",
    path: "/underlag/{id}",
    summary: "One request with its answer",
    request: { params: underlagIdParam },
    responses: { 200: jsonResponse(underlagSchema, "The request") },
  }),
  answer: route({
    method: "post",
    path: "/underlag/{id}/answer",
    summary:
      "Answer a request of one's own profession: observations, funktion, aktivitetsbegränsning and how they were assessed (409 when stale or answered)",
    request: { params: underlagIdParam, body: jsonBody(answerUnderlagBody) },
    responses: { 200: jsonResponse(underlagSchema, "The answered request") },
  }),
};

const readOf = (list: readonly Underlag[]): AuditEntry[] =>
  list.map((u) => ({
    action: "READ" as const,
    purpose: auditPurpose,
    patientId: u.patientId,
    entity: "underlag_request",
    entityId: u.id,
  }));

async function read<T>(
  c: Ctx,
  load: (tx: Tx, unitId: string, today: string) => Promise<T>,
  entries: (r: T) => AuditEntry[],
) {
  const { actor, grant, unitId } = authorizeOnUnit(c, "underlag.read");
  const today = stockholmToday(c.var.deps.now());
  return auditedRead(c.var.deps.database.db, { actor, grant }, (tx) => load(tx, unitId, today), entries);
}

export function underlagRoutes() {
  const router = createRouter();

  router.openapi(routes.ofPatient, async (c) => {
    const { id } = c.req.valid("param");
    const underlag = await read(
      c,
      (tx, unitId, today) => loadOfPatient(tx, unitId, id, today),
      (list) =>
        list.length > 0
          ? readOf(list)
          : [{ action: "READ", purpose: auditPurpose, patientId: id, entity: "underlag_request" }],
    );
    return c.json({ underlag }, 200);
  });

  router.openapi(routes.create, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "underlag.request", (ctx) => createRequest(ctx, id, body)), 201);
  });

  router.openapi(routes.queue, async (c) => {
    const { profession, status } = c.req.valid("query");
    const roles = (c.var.actor?.assignments ?? []).map((a) => a.role);
    const chosen = profession ?? professionOf(roles);
    const underlag = await read(
      c,
      (tx, unitId, today) => loadQueue(tx, unitId, { profession: chosen, status }, today),
      readOf,
    );
    return c.json({ underlag }, 200);
  });

  router.openapi(routes.one, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(
      await read(
        c,
        (tx, unitId, today) => loadOne(tx, unitId, id, today),
        (u) => readOf([u]),
      ),
      200,
    );
  });

  router.openapi(routes.answer, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await onUnit(c, "underlag.answer", (ctx) => answerRequest(ctx, id, body)), 200);
  });

  return router;
}
