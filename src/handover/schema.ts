/**
 * Request and response schemas of the handover (överlämning) API. They check shape, kinds and
 * lengths; the rules that need today or the unit's other handovers live in rules.ts.
 */
import { z } from "@hono/zod-openapi";
import { handoverStates, type HandoverState } from "./rules.ts";

const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` });
const userId = (message: string) => z.uuid({ error: message });

// ---- Requests ----

export const createHandoverBody = z
  .strictObject({
    fromDoctorId: userId("Välj läkaren som lämnar över."),
    toDoctorId: userId("Välj läkaren som tar emot."),
    startDate: isoDate("startdatum"),
    endDate: isoDate("slutdatum"),
    reason: z
      .string({ error: "Anledningen ska vara text." })
      .trim()
      .max(500, "Anledningen får vara högst 500 tecken.")
      .default(""),
  })
  .openapi("CreateHandover");

export const endHandoverBody = z
  .strictObject({
    version: z.number().int().min(1),
    /** The last day the handover applies (the day before the start withdraws it). */
    lastDay: isoDate("sista dag"),
  })
  .openapi("EndHandover");

export const handoverIdParam = z.object({
  id: z.uuid({ error: "Ogiltigt överlämnings-id." }).openapi({ param: { name: "id", in: "path" } }),
});

// ---- Responses ----

/** A doctor of the unit, as handovers and the review name them. */
export const doctorSchema = z.object({ id: z.string(), name: z.string() });

const handoverStateIds = Object.keys(handoverStates) as [HandoverState, ...HandoverState[]];

export const handoverSchema = z
  .object({
    id: z.string(),
    fromDoctor: doctorSchema,
    toDoctor: doctorSchema,
    startDate: z.string(),
    endDate: z.string(),
    endedOn: z.string().nullable(),
    /** The last day it applies. */
    lastDay: z.string(),
    state: z.enum(handoverStateIds),
    stateLabel: z.string(),
    reason: z.string(),
    recordedBy: z.string().nullable(),
    recordedAt: z.string(),
    endedBy: z.string().nullable(),
    endedAt: z.string().nullable(),
    version: z.number(),
  })
  .openapi("Handover");

export const handoversResponse = z
  .object({
    today: z.string(),
    doctors: z.array(doctorSchema),
    handovers: z.array(handoverSchema),
  })
  .openapi("Handovers");

export type Handover = z.output<typeof handoverSchema>;
export type Handovers = z.output<typeof handoversResponse>;
export type NewHandover = z.input<typeof createHandoverBody>;
