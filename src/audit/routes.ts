/** Log review (PRODUCT §8): readable only by log reviewers, and reading it is itself logged. */
import { createRoute, z } from "@hono/zod-openapi";
import { authorizeOnUnit } from "../access/authorize.ts";
import { auditedRead } from "./audit.ts";
import { reviewAuditEvents } from "./store.ts";
import { findPatient } from "../patients/store.ts";
import { registerTimelineRoute } from "./timeline-routes.ts";
import { errors } from "../server/errors.ts";
import { errorResponses, jsonResponse } from "../server/openapi.ts";
import { createRouter, patientData } from "../server/router.ts";

const reviewQuery = z.object({
  userId: z.uuid({ error: "Ogiltigt användar-id." }).optional(),
  patientId: z.uuid({ error: "Ogiltigt patient-id." }).optional(),
  from: z.iso.date({ error: "Ange datum som ÅÅÅÅ-MM-DD." }).optional(),
  to: z.iso.date({ error: "Ange datum som ÅÅÅÅ-MM-DD." }).optional(),
  sample: z.coerce.number().int().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const reviewEvent = z.object({
  seq: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  user: z.string(),
  role: z.string().nullable(),
  patientId: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  purpose: z.string(),
});

const reviewRoute = createRoute({
  method: "get",
  path: "/events",
  tags: ["Logg"],
  summary: "Audit events of the active unit for log review (filter or random sample)",
  ...patientData,
  request: { query: reviewQuery },
  responses: {
    200: jsonResponse(z.object({ events: z.array(reviewEvent) }), "Audit events"),
    ...errorResponses,
  },
});

export function auditRoutes() {
  const router = createRouter();
  registerTimelineRoute(router);
  return router.openapi(reviewRoute, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "audit.review");
    const query = c.req.valid("query");
    const events = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        // The review's own event names the patient: only a patient of the unit may be named.
        if (query.patientId && !(await findPatient(tx, unitId, query.patientId))) throw errors.notFound();
        return reviewAuditEvents(tx, { ...query, unitId });
      },
      () => [
        {
          action: "LOG_REVIEW",
          purpose: "Systematisk loggkontroll",
          patientId: query.patientId ?? null,
          details: {
            userId: query.userId ?? null,
            from: query.from ?? null,
            to: query.to ?? null,
            sample: query.sample ?? null,
          },
        },
      ],
    );
    return c.json({ events }, 200);
  });
}
