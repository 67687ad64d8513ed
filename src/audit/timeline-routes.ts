/**
 * The incident timeline API (for the log reviewer and the data protection officer): one patient's
 * or one user's events on the active unit over a period, as JSON or CSV. Reading it is itself
 * logged: one event per patient it names.
 */
import { createRoute } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { authorizeOnUnit } from "../access/authorize.ts";
import { findPatient } from "../patients/store.ts";
import { errors } from "../server/errors.ts";
import type { AppEnv } from "../server/env.ts";
import { errorResponses } from "../server/openapi.ts";
import { patientData } from "../server/router.ts";
import { auditedRead } from "./audit.ts";
import { timelineQuery, timelineResponse } from "./schema.ts";
import { incidentTimeline, timelineCsv, userKnownOnUnit } from "./timeline.ts";

const timelineRoute = createRoute({
  method: "get",
  path: "/timeline",
  tags: ["Logg"],
  summary: "Incident timeline: who read or changed what, for one patient or one user, over a period",
  ...patientData,
  request: { query: timelineQuery },
  responses: {
    200: {
      description: "The events, oldest first (JSON, or CSV with format=csv)",
      content: {
        "application/json": { schema: timelineResponse },
        "text/csv": { schema: { type: "string" } },
      },
    },
    ...errorResponses,
  },
});

export function registerTimelineRoute(router: OpenAPIHono<AppEnv>) {
  router.openapi(timelineRoute, async (c) => {
    const { actor, grant, unitId } = authorizeOnUnit(c, "audit.review");
    const { patientId, userId, from, to, format } = c.req.valid("query");
    const subject = patientId ? { patientId } : { userId: userId! };
    const result = await auditedRead(
      c.var.deps.database.db,
      { actor, grant },
      async (tx) => {
        // Someone the unit does not know answers 404, and nothing names them in the log.
        if (patientId && !(await findPatient(tx, unitId, patientId))) throw errors.notFound();
        if (userId && !(await userKnownOnUnit(tx, unitId, userId))) throw errors.notFound();
        return incidentTimeline(tx, { unitId, subject, from, to });
      },
      ({ events }) => {
        const patients = new Set(events.flatMap((e) => (e.personnummer !== null ? [e.patientId!] : [])));
        if (patientId) patients.add(patientId);
        const details = { userId: userId ?? null, from, to, format, events: events.length };
        const entries = [...patients].map((id) => ({
          action: "LOG_REVIEW" as const,
          purpose: "Incidentutredning",
          patientId: id,
          entity: "incident-timeline",
          details,
        }));
        return entries.length > 0
          ? entries
          : [
              {
                action: "LOG_REVIEW" as const,
                purpose: "Incidentutredning",
                entity: "incident-timeline",
                details,
              },
            ];
      },
    );
    if (format === "csv") {
      const head: [string, string][] = [
        ["Incidenttidslinje", patientId ? `Patient-id ${patientId}` : `Användar-id ${userId}`],
        ["Period", `${from} – ${to}`],
        [
          "Antal händelser",
          `${result.events.length}${result.truncated ? " (fler finns: välj en kortare period)" : ""}`,
        ],
      ];
      return c.body(timelineCsv(head, result.events), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="incidenttidslinje-${from}-${to}.csv"`,
        "cache-control": "no-store",
      });
    }
    c.header("cache-control", "no-store");
    return c.json({ from, to, ...result }, 200);
  });
}
