/**
 * Request and response schemas of the sjukfall API: the patient's computed cases and the sjukfall
 * parameters. The routes validate and document with them; the web app derives its types from them.
 */
import { z } from "@hono/zod-openapi";
import { sjukfallLimits } from "./settings.ts";

const paramMessage = {
  gap: `Glappet ska vara ett heltal från ${sjukfallLimits.gap.min} till ${sjukfallLimits.gap.max} dagar.`,
  afterEnd: `Dagar efter slut ska vara ett heltal från ${sjukfallLimits.afterEnd.min} till ${sjukfallLimits.afterEnd.max}.`,
};

const paramValue = (param: "gap" | "afterEnd") =>
  z
    .number({ error: paramMessage[param] })
    .int({ error: paramMessage[param] })
    .min(sjukfallLimits[param].min, { error: paramMessage[param] })
    .max(sjukfallLimits[param].max, { error: paramMessage[param] });

export const unitSettingsBody = z
  .strictObject({ gap: paramValue("gap"), afterEnd: paramValue("afterEnd") })
  .openapi("UnitSjukfallSettings");

export const userSettingsBody = z
  .strictObject({ gap: paramValue("gap").nullable(), afterEnd: paramValue("afterEnd").nullable() })
  .openapi("UserSjukfallSettings");

export const paramsSchema = z.object({ gap: z.number(), afterEnd: z.number() });
const overrideSchema = z.object({ gap: z.number().nullable(), afterEnd: z.number().nullable() });
const sourceSchema = z.enum(["default", "unit", "user"]);

export const settingsSchema = z
  .object({
    /** What applies to the user now. */
    effective: paramsSchema.extend({ source: z.object({ gap: sourceSchema, afterEnd: sourceSchema }) }),
    /** The unit's values (its own setting or the product default). */
    unit: paramsSchema,
    /** The user's own override; null: the unit's value applies. */
    user: overrideSchema,
    limits: z.object({
      gap: z.object({ min: z.number(), max: z.number(), default: z.number() }),
      afterEnd: z.object({ min: z.number(), max: z.number(), default: z.number() }),
    }),
    mayEditUnit: z.boolean(),
  })
  .openapi("SjukfallSettings");

export const arendeSummary = z.object({
  id: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  certificateId: z.string().nullable(),
  receivedDate: z.string(),
  lastAnswerDate: z.string().nullable(),
  daysToDeadline: z.number().nullable(),
});

const periodSchema = z.object({ from: z.string(), to: z.string(), grade: z.number() });

export const caseSchema = z.object({
  start: z.string(),
  end: z.string(),
  days: z.number(),
  /** Day number today (the start is day 1); for an ended case, the day today would have been. */
  dayInCase: z.number(),
  /** "Längre än 30 dagar": the length (`days`) over 30, by `isLongerThan30Days`. */
  longerThan30Days: z.boolean(),
  ongoing: z.boolean(),
  currentGrade: z.number().nullable(),
  diagnoses: z.array(z.string()),
  doctorName: z.string().nullable(),
  /** Every period of the case's certificates in time order: what a timeline draws. */
  grades: z.array(periodSchema.extend({ certificateId: z.string() })),
  certificates: z.array(
    z.object({
      id: z.string(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      periods: z.array(periodSchema),
      grades: z.array(z.number()),
      status: z.string(),
      statusLabel: z.string(),
      diagnosis: z.string().nullable(),
      doctorName: z.string().nullable(),
      signedAt: z.string().nullable(),
      anchor: z.boolean(),
    }),
  ),
  checkpoints: z.array(
    z.object({
      day: z.number(),
      date: z.string(),
      kind: z.string(),
      label: z.string(),
      reached: z.boolean(),
      withinCase: z.boolean(),
    }),
  ),
  /** Open ärenden on the case's certificates (or on certificates they replaced or completed). */
  arenden: z.array(arendeSummary),
});

export const sjukfallResponse = z
  .object({
    today: z.string(),
    settings: paramsSchema,
    cases: z.array(caseSchema),
    /** Open ärenden that belong to no shown case. */
    otherArenden: z.array(arendeSummary),
  })
  .openapi("PatientSjukfall");

export type SjukfallSettingsView = z.output<typeof settingsSchema>;
export type UnitSjukfallSettings = z.input<typeof unitSettingsBody>;
export type UserSjukfallSettings = z.input<typeof userSettingsBody>;
export type PatientSjukfall = z.output<typeof sjukfallResponse>;
export type SjukfallCase = PatientSjukfall["cases"][number];
export type SjukfallArendeSummary = z.output<typeof arendeSummary>;
