/**
 * Request and response schemas of the review (genomgång) API. They check shape, kinds and lengths;
 * the rules that need today or several rows live in rules.ts.
 */
import { z } from "@hono/zod-openapi";
import { doctorSchema as person, handoverSchema } from "../handover/schema.ts";
import { DEFAULT_REVIEW_DAYS, MAX_REVIEW_DAYS, MIN_REVIEW_DAYS, reviewMarkKinds } from "./rules.ts";

const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` });
const text = (label: string, max: number) =>
  z
    .string({ error: `${label} ska vara text.` })
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`);
const userId = (message: string) => z.uuid({ error: message });

// ---- Requests ----

export const reviewQuery = z.object({
  /** The doctor under review; default the user. */
  doctorId: userId("Välj en läkare.")
    .optional()
    .openapi({ param: { name: "doctorId", in: "query" } }),
  days: z.coerce
    .number({ error: `Ange antal dagar (${MIN_REVIEW_DAYS}–${MAX_REVIEW_DAYS}).` })
    .int(`Ange antal dagar som ett heltal (${MIN_REVIEW_DAYS}–${MAX_REVIEW_DAYS}).`)
    .min(MIN_REVIEW_DAYS, `Ange minst ${MIN_REVIEW_DAYS} dag.`)
    .max(MAX_REVIEW_DAYS, `Ange högst ${MAX_REVIEW_DAYS} dagar.`)
    .default(DEFAULT_REVIEW_DAYS)
    .openapi({ param: { name: "days", in: "query" } }),
});

export const markBody = z
  .strictObject({
    /** The doctor whose review the case is in; default the user. */
    doctorId: userId("Välj en läkare.").optional(),
    patientId: z.uuid({ error: "Ogiltigt patient-id." }),
    /** The case's end date as shown: a renewal since then is reported (409), not marked over. */
    caseEnd: isoDate("intygets slutdatum"),
    mark: z.enum(reviewMarkKinds, { error: "Välj Återbesök bokat eller Förlängning ej aktuell." }),
    visitDate: isoDate("datum för återbesöket").nullable().default(null),
    /** The reason when förlängning is not relevant; a note otherwise. */
    note: text("Anteckningen", 2000).default(""),
  })
  .openapi("ReviewMarkInput");

// ---- Responses ----

export const markSchema = z
  .object({
    id: z.string(),
    patientId: z.string(),
    caseStart: z.string(),
    caseEnd: z.string(),
    mark: z.enum(reviewMarkKinds),
    markLabel: z.string(),
    visitDate: z.string().nullable(),
    note: z.string(),
    markedBy: z.string().nullable(),
    markedAt: z.string(),
    taskId: z.string().nullable(),
    supersedesId: z.string().nullable(),
  })
  .openapi("ReviewMark");

export const reviewRowSchema = z
  .object({
    patientId: z.string(),
    personnummer: z.string(),
    name: z.string(),
    protectedIdentity: z.boolean(),
    sex: z.string(),
    diagnosis: z.string(),
    diagnosisTitle: z.string().nullable(),
    start: z.string(),
    end: z.string(),
    days: z.number(),
    dayInCase: z.number(),
    currentGrade: z.number().nullable(),
    anchorCertificateId: z.string(),
    doctorId: z.string().nullable(),
    doctorName: z.string().nullable(),
    /** The case is another doctor's, followed up through a handover. */
    handedOver: z.boolean(),
    /** The open "Intyget löper snart ut" task a mark closes. */
    taskId: z.string().nullable(),
    /** The case's current mark (maybe made for an earlier end date). */
    mark: markSchema.nullable(),
    /** The current mark was made for this end date: the row is reviewed. */
    reviewed: z.boolean(),
  })
  .openapi("ReviewRow");

export const reviewResponse = z
  .object({
    today: z.string(),
    days: z.number(),
    until: z.string(),
    scope: z.enum(["OWN", "UNIT"]),
    /** Null: the unit has no doctor to review. */
    doctor: person.nullable(),
    /** The doctors the user may review (only the user in the own scope). */
    doctors: z.array(person),
    /** Handovers to the doctor in force today: whose cases are included. */
    receiving: z.array(handoverSchema),
    /** Cases in the window left out because a renewal is being written. */
    renewalsInProgress: z.number(),
    counts: z.object({ total: z.number(), reviewed: z.number() }),
    rows: z.array(reviewRowSchema),
  })
  .openapi("Review");

export const markResponse = z
  .object({
    mark: markSchema,
    /** The task the mark closed, and how. */
    closedTask: z.object({ id: z.string(), status: z.enum(["DONE", "NOT_RELEVANT"]) }).nullable(),
  })
  .openapi("ReviewMarkResult");

export type Person = z.output<typeof person>;
export type ReviewMark = z.output<typeof markSchema>;
export type ReviewRow = z.output<typeof reviewRowSchema>;
export type Review = z.output<typeof reviewResponse>;
export type MarkResult = z.output<typeof markResponse>;
export type MarkInput = z.input<typeof markBody>;
