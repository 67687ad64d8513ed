/**
 * The incident timeline API (for the log reviewer and the data protection officer): one patient's
 * or one user's events on the active unit over a period, as JSON or CSV. Reading it is itself
 * logged: one event per patient it names.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { authorizeOnUnit } from "../access/authorize.ts";
import { findPatient } from "../patients/store.ts";
import { errors } from "../server/errors.ts";
import type { AppEnv } from "../server/env.ts";
import { errorResponses } from "../server/openapi.ts";
import { patientData } from "../server/router.ts";
import { auditedRead } from "./audit.ts";
import { incidentTimeline, timelineCsv, userKnownOnUnit } from "./timeline.ts";

const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` });

export const timelineQuery = z
  .object({
    patientId: z.uuid({ error: "Ogiltigt patient-id." }).optional(),
    userId: z.uuid({ error: "Ogiltigt användar-id." }).optional(),
    from: isoDate("från och med"),
    to: isoDate("till och med"),
    format: z.enum(["json", "csv"], { error: "Formatet ska vara json eller csv." }).default("json"),
  })
  .superRefine((q, ctx) => {
    if ((q.patientId === undefined) === (q.userId === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["patientId"],
        message: "Ange antingen en patient eller en användare.",
      });
    if (q.from > q.to)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: "Till och med kan inte vara före från och med.",
      });
  });

const timelineEvent = z.object({
  seq: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  user: z.string(),
  role: z.string().nullable(),
  patientId: z.string().nullable(),
  personnummer: z.string().nullable(),
  patientName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  purpose: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
});

export const timelineResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    events: z.array(timelineEvent),
    /** More events than one answer holds: ask for a shorter period. */
    truncated: z.boolean(),
  })
  .openapi("IncidentTimeline");

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
