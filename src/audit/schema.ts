/** The contract of the audit area's endpoints (the incident timeline). */
import { z } from "@hono/zod-openapi";

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

export const timelineEvent = z.object({
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

export type TimelineEvent = z.output<typeof timelineEvent>;
export type IncidentTimeline = z.output<typeof timelineResponse>;
