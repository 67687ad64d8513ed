/**
 * Genomgång (review session) API. The handovers whose cases a session includes: src/handover.
 *
 * - GET /genomgang: the reviewed doctor's ongoing cases ending within N days with no renewal being
 *   written, with their marks; a doctor reviews their own (`review.run`), the rehabkoordinator any
 *   doctor of the unit (`review.unit`). One audit event per patient shown.
 * - POST /genomgang/markeringar: mark a case "återbesök bokat" / "förlängning ej aktuell"; closes
 *   the case's "Intyget löper snart ut" task in the same transaction; audited.
 */
import type { Context } from "hono";
import { authorizeOnUnitAny, type authorizeOnUnit } from "../access/authorize.ts";
import { auditedRead } from "../audit/audit.ts";
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import type { AppEnv } from "../server/env.ts";
import { errors } from "../server/errors.ts";
import { jsonBody, jsonResponse } from "../server/openapi.ts";
import { createRouter, patientRoute } from "../server/router.ts";
import { markBody, markResponse, reviewQuery, reviewResponse } from "./schema.ts";
import { loadReview, markCase, reviewedDoctor, reviewPurpose, type ReviewContext } from "./service.ts";

type Ctx = Context<AppEnv>;

const reviewRoute = patientRoute("Genomgång");

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

  return router;
}
