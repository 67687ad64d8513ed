/**
 * Request and response schemas of the rehab plan API (PRODUCT §2, §5.6). They check shape, kinds
 * and lengths; what needs the case, today or several fields lives in rules.ts.
 */
import { z } from "@hono/zod-openapi";
import {
  actionStatuses,
  anchoringMethods,
  parties,
  planStates,
  planStatuses,
  versionEvents,
} from "./rules.ts";

const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` });
const keys = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (label: string, max: number) =>
  z
    .string({ error: `${label} ska vara text.` })
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`);
const version = z.number({ error: "Ange planens version." }).int().min(1);

export const planIdParam = z.object({
  id: z.uuid({ error: "Ogiltigt plan-id." }).openapi({ param: { name: "id", in: "path" } }),
});

// ---- Requests ----

/** An action as the user writes it (a new action has no id yet). */
export const actionInput = z.strictObject({
  id: z.uuid({ error: "Ogiltigt åtgärds-id." }).optional(),
  party: z.enum(keys(parties), { error: "Välj vem åtgärden gäller (part)." }),
  description: text("Åtgärdens beskrivning", 2000).min(1, "Beskriv åtgärden."),
  responsibleName: text("Ansvarig", 200).default(""),
  responsibleUserId: z.uuid({ error: "Ogiltig ansvarig användare." }).nullable().default(null),
  startDate: isoDate("startdatum").nullable().default(null),
  followUpDate: isoDate("uppföljningsdatum").nullable().default(null),
  status: z.enum(keys(actionStatuses), { error: "Välj åtgärdens status." }).default("PLANERAD"),
});

export const contentInput = z.strictObject({
  goal: text("Målet", 4000).default(""),
  purpose: text("Syftet med sjukskrivningen", 4000).default(""),
  plannedEnd: isoDate("planerat slut").nullable().default(null),
  patientWords: text("Patientens egna ord", 4000).default(""),
  actions: z.array(actionInput).max(50, "Planen får ha högst 50 åtgärder.").default([]),
});

export const createPlanBody = z
  .strictObject({
    /** The sjukfall's start; absent or null: the patient's current (latest) case on the unit. */
    caseStart: isoDate("sjukfallets startdatum").nullable().default(null),
    content: contentInput.optional(),
  })
  .openapi("CreateRehabPlan");

export const savePlanBody = z.strictObject({ version, content: contentInput }).openapi("SaveRehabPlan");

export const establishPlanBody = z
  .strictObject({
    version,
    anchoredDate: isoDate("datum för förankringen med patienten"),
    anchoredMethod: z.enum(keys(anchoringMethods), { error: "Ange hur planen förankrades med patienten." }),
  })
  .openapi("EstablishRehabPlan");

export const closePlanBody = z.strictObject({ version }).openapi("CloseRehabPlan");

export const compareQuery = z.object({
  from: z.coerce.number({ error: "Ange versionen att jämföra från." }).int().min(1),
  to: z.coerce.number({ error: "Ange versionen att jämföra med." }).int().min(1),
});

export const handoutBody = z
  .discriminatedUnion(
    "kind",
    [
      z.strictObject({ kind: z.literal("BROSCHYR") }),
      z.strictObject({ kind: z.literal("PLAN"), planId: z.uuid({ error: "Ogiltigt plan-id." }) }),
    ],
    { error: "Ange vad som lämnades ut: broschyren eller planen." },
  )
  .openapi("RecordHandout");

// ---- Responses ----

const user = z.object({ id: z.string(), name: z.string().nullable() });
const issue = z.object({ path: z.string(), message: z.string() });

export const actionSchema = z.object({
  id: z.string(),
  party: z.enum(keys(parties)),
  partyLabel: z.string(),
  description: z.string(),
  responsibleName: z.string(),
  responsibleUserId: z.string().nullable(),
  responsibleUser: user.nullable(),
  startDate: z.string().nullable(),
  followUpDate: z.string().nullable(),
  status: z.enum(keys(actionStatuses)),
  statusLabel: z.string(),
});

export const planSchema = z
  .object({
    id: z.string(),
    patientId: z.string(),
    caseStart: z.string(),
    status: z.enum(keys(planStatuses)),
    state: z.enum(keys(planStates)),
    stateLabel: z.string(),
    goal: z.string(),
    purpose: z.string(),
    plannedEnd: z.string().nullable(),
    plannedLengthDays: z.number().nullable(),
    patientWords: z.string(),
    actions: z.array(actionSchema),
    nextFollowUp: z.string().nullable(),
    /** What is missing before the plan may be fastställd (empty: complete). */
    missing: z.array(issue),
    anchoring: z
      .object({
        date: z.string(),
        method: z.enum(keys(anchoringMethods)),
        methodLabel: z.string(),
        by: user,
        version: z.number(),
      })
      .nullable(),
    /** The day a revision is due (the unit's interval after the last save); null when avslutad. */
    revisionDue: z.string().nullable(),
    savedBy: user,
    savedAt: z.string(),
    version: z.number(),
  })
  .openapi("RehabPlan");

export const changeSchema = z.object({ label: z.string(), before: z.string(), after: z.string() });

export const versionSchema = z.object({
  version: z.number(),
  event: z.enum(keys(versionEvents)),
  eventLabel: z.string(),
  status: z.enum(keys(planStatuses)),
  savedBy: user,
  savedAt: z.string(),
  /** What changed from the version before (the first: everything it holds). */
  changes: z.array(changeSchema),
});

export const versionsResponse = z.object({ versions: z.array(versionSchema) }).openapi("RehabPlanVersions");
export const compareResponse = z
  .object({ from: z.number(), to: z.number(), changes: z.array(changeSchema) })
  .openapi("RehabPlanComparison");

export const handoutSchema = z.object({
  id: z.string(),
  kind: z.enum(["BROSCHYR", "PLAN"]),
  label: z.string(),
  planId: z.string().nullable(),
  planVersion: z.number().nullable(),
  date: z.string(),
  by: user,
});

export const plansResponse = z
  .object({
    plans: z.array(planSchema),
    /** The patient's current (latest) sjukfall on the unit, for a new plan; null: none. */
    currentCaseStart: z.string().nullable(),
    handouts: z.array(handoutSchema),
    /** Who can be made responsible for an action. */
    staff: z.array(z.object({ id: z.string(), name: z.string(), title: z.string() })),
  })
  .openapi("RehabPlans");

export const printDocumentSchema = z
  .object({
    title: z.string(),
    lead: z.array(z.string()),
    sections: z.array(
      z.object({ heading: z.string(), paragraphs: z.array(z.string()), items: z.array(z.string()) }),
    ),
  })
  .openapi("PatientDocument");

export type PrintDocument = z.output<typeof printDocumentSchema>;
export type ActionInput = z.input<typeof actionInput>;
export type ContentInput = z.input<typeof contentInput>;
export type RehabPlan = z.output<typeof planSchema>;
export type PlanActionView = z.output<typeof actionSchema>;
export type PlanVersion = z.output<typeof versionSchema>;
export type PlanChange = z.output<typeof changeSchema>;
export type Handout = z.output<typeof handoutSchema>;
export type RehabPlans = z.output<typeof plansResponse>;
export type NewHandout = z.input<typeof handoutBody>;
