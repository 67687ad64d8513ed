/**
 * Genomgång (review session) and överlämning (handover) API.
 *
 * - GET /genomgang: the reviewed doctor's ongoing cases ending within N days with no renewal being
 *   written, with their marks; a doctor reviews their own (`review.run`), the rehabkoordinator any
 *   doctor of the unit (`review.unit`). One audit event per patient shown.
 * - POST /genomgang/markeringar: mark a case "återbesök bokat" / "förlängning ej aktuell"; closes
 *   the case's "Intyget löper snart ut" task in the same transaction; audited.
 * - GET/POST /overlamningar, POST /overlamningar/{id}/avsluta (`handover.manage`): the unit's
 *   handovers; no patient data (doctors and dates), each change logged as administration.
 */
import type { Context } from "hono";
import { authorizeOnUnit, authorizeOnUnitAny } from "../access/authorize.ts";
import { auditedRead } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import type { AppEnv } from "../server/env.ts";
import { errors } from "../server/errors.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, noPatientData, patientRoute } from "../server/router.ts";
import {
  createHandoverBody,
  endHandoverBody,
  handoverIdParam,
  handoverSchema,
  handoversResponse,
  markBody,
  markResponse,
  reviewQuery,
  reviewResponse,
} from "./schema.ts";
import {
  createHandover,
  endHandoverEarly,
  loadHandovers,
  loadReview,
  markCase,
  reviewedDoctor,
  reviewPurpose,
  type ReviewContext,
} from "./service.ts";

type Ctx = Context<AppEnv>;

const reviewRoute = patientRoute("Genomgång");
const handoverRoute = patientRoute("Genomgång", noPatientData);

const routes = {
  review: reviewRoute({
    method: "get",
    path: "/genomgang",
    summary:
      "A doctor's ongoing cases ending within N days (default 14) with no renewal being written, and their marks",
    request: { query: reviewQuery },
    responses: { 200: jsonResponse(reviewResponse, "The review session") },
  }),
  mark: reviewRoute({
    method: "post",
    path: "/genomgang/markeringar",
    summary:
      "Mark a case återbesök bokat or förlängning ej aktuell (supersedes its previous mark; closes its ending task)",
    request: { body: jsonBody(markBody) },
    responses: { 201: jsonResponse(markResponse, "The mark and the task it closed") },
  }),
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

/** Review access: any doctor with `review.unit`, else only oneself with `review.run`. */
function authorizeReview(c: Ctx, requestedDoctorId: string | undefined) {
  const auth = authorizeOnUnitAny(c, ["review.unit", "review.run"]);
  const scope = auth.capability === "review.unit" ? ("UNIT" as const) : ("OWN" as const);
  if (scope === "OWN" && requestedDoctorId !== undefined && requestedDoctorId !== auth.actor.userId) {
    throw errors.forbidden();
  }
  return { ...auth, scope };
}

function context(c: Ctx, tx: Tx, auth: ReturnType<typeof authorizeOnUnit>): ReviewContext {
  const now = c.var.deps.now();
  return {
    tx,
    actor: auth.actor,
    grant: auth.grant,
    unitId: auth.unitId,
    now,
    today: stockholmToday(now),
    reference: c.var.deps.reference,
    database: c.var.deps.database,
  };
}

export function reviewRoutes() {
  const router = createRouter();

  router.openapi(routes.review, async (c) => {
    const { doctorId, days } = c.req.valid("query");
    const auth = authorizeReview(c, doctorId);
    const result = await auditedRead(
      c.var.deps.database.db,
      { actor: auth.actor, grant: auth.grant },
      async (tx) => {
        const ctx = context(c, tx, auth);
        const { doctor, doctors } = await reviewedDoctor(ctx, doctorId);
        const own = auth.scope === "OWN";
        if (own && doctor?.id !== auth.actor.userId) throw errors.forbidden();
        return {
          ...(await loadReview(ctx, doctor, days)),
          scope: auth.scope,
          doctor,
          doctors: own ? doctors.filter((d) => d.id === auth.actor.userId) : doctors,
        };
      },
      ({ rows }) =>
        rows.map((row) => ({
          action: "READ_LIST" as const,
          purpose: reviewPurpose,
          patientId: row.patientId,
          entity: "review",
        })),
    );
    return c.json(result, 200);
  });

  router.openapi(routes.mark, async (c) => {
    const { doctorId, ...input } = c.req.valid("json");
    const auth = authorizeReview(c, doctorId);
    const result = await c.var.deps.database.db.transaction(async (tx) => {
      const ctx = context(c, tx, auth);
      const { doctor } = await reviewedDoctor(ctx, doctorId ?? auth.actor.userId);
      if (!doctor) throw errors.notFound();
      return markCase(ctx, doctor.id, input);
    });
    return c.json(result, 201);
  });

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
