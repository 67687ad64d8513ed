/**
 * Request and response schemas of the coordination API. They check shape, kinds and lengths;
 * the rules that need today or several fields live in rules.ts (shared with the browser).
 */
import { z } from "@hono/zod-openapi";
import {
  aktualiseringDecisions,
  consentKinds,
  consentMethods,
  consentStateLabels,
  counterparts,
  measureTypes,
  meetingKinds,
  participantParties,
  samtalOutcomes,
  samtalStatuses,
} from "./rules.ts";

const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` });
const keys = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const text = (label: string, max: number) =>
  z
    .string({ error: `${label} ska vara text.` })
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`);

const idParam = (label: string) =>
  z.object({
    id: z.uuid({ error: `Ogiltigt ${label}-id.` }).openapi({ param: { name: "id", in: "path" } }),
  });
export const consentIdParam = idParam("samtyckes");
export const samtalIdParam = idParam("samtals");

// ---- Requests ----

export const recordConsentBody = z
  .strictObject({
    kind: z.enum(keys(consentKinds), { error: "Välj vad samtycket gäller." }),
    obtainedDate: isoDate("datum för samtycket"),
    method: z.enum(keys(consentMethods), { error: "Ange om samtycket lämnades muntligt eller skriftligt." }),
    scope: text("Omfattningen", 2000).min(1, "Beskriv vad samtycket omfattar."),
    /** Last valid day; absent or null: twelve months (DEFAULT_CONSENT_MONTHS). */
    validTo: isoDate("giltigt till").nullable().default(null),
  })
  .openapi("RecordConsent");

export const withdrawConsentBody = z
  .strictObject({
    version: z.number().int().min(1),
    withdrawnDate: isoDate("datum för återkallelsen"),
    note: text("Anteckningen", 2000).default(""),
  })
  .openapi("WithdrawConsent");

export const decideBody = z
  .strictObject({
    caseStart: isoDate("sjukfallets startdatum"),
    decision: z.enum(keys(aktualiseringDecisions), { error: "Välj beslut." }),
    /** Defaults to today. */
    decidedDate: isoDate("beslutsdatum").optional(),
    reason: text("Motiveringen", 4000).default(""),
    /** The decision the coordinator saw as current (null: none yet); another one answers 409. */
    supersedesId: z.uuid({ error: "Ogiltigt beslut-id." }).nullable(),
  })
  .openapi("AktualiseringDecide");

const samtalFields = {
  caseStart: isoDate("sjukfallets startdatum").nullable().optional(),
  samtalDate: isoDate("datum för samtalet").optional(),
  workSituation: text("Arbetssituation", 4000).optional(),
  health: text("Hälsa", 4000).optional(),
  socialSituation: text("Social situation", 4000).optional(),
  ownGoals: text("Patientens egna mål", 4000).optional(),
  obstacles: text("Hinder", 4000).optional(),
  coordinationNeed: text("Behov av koordinering", 4000).optional(),
  outcome: z.enum(keys(samtalOutcomes), { error: "Välj vad samtalet ledde till." }).nullable().optional(),
  outcomeReason: text("Motiveringen", 4000).optional(),
  nextStep: text("Nästa steg", 4000).optional(),
  nextStepDate: isoDate("datum för nästa steg").nullable().optional(),
};

/** A draft may lack anything (the strict check runs on completion); the date defaults to today. */
export const createSamtalBody = z.strictObject(samtalFields).openapi("CreateKartlaggandeSamtal");
export const updateSamtalBody = z
  .strictObject({ version: z.number().int().min(1), ...samtalFields })
  .openapi("UpdateKartlaggandeSamtal");
export const completeSamtalBody = z
  .strictObject({ version: z.number().int().min(1) })
  .openapi("CompleteKartlaggandeSamtal");

export const recordMeasureBody = z
  .strictObject({
    type: z.enum(keys(measureTypes), {
      error: "Välj typ av insats: personligt stöd, intern samordning eller samverkan.",
    }),
    date: isoDate("datum för insatsen"),
    counterpart: z.enum(keys(counterparts), { error: "Välj aktör." }).nullable().default(null),
    counterpartOther: text("Annan aktör", 200).default(""),
    note: text("Anteckningen", 4000).default(""),
  })
  .openapi("RecordKoordineringsinsats");

export const participantSchema = z.strictObject({
  name: text("Namnet", 200).min(1, "Ange deltagarens namn."),
  role: text("Roll eller organisation", 200).default(""),
  party: z.enum(keys(participantParties), { error: "Ange vem deltagaren företräder." }),
});

export const recordMeetingBody = z
  .strictObject({
    kind: z.enum(keys(meetingKinds), { error: "Välj trepartsmöte eller avstämningsmöte." }),
    date: isoDate("datum för mötet"),
    participants: z
      .array(participantSchema, { error: "Ange deltagarna." })
      .min(1, "Ange deltagarna.")
      .max(30, "Högst 30 deltagare."),
    notes: text("Anteckningarna", 8000).default(""),
    followUpDate: isoDate("datum för uppföljning").nullable().default(null),
  })
  .openapi("RecordSamverkansmote");

// ---- Responses ----

const user = { id: z.string(), name: z.string().nullable() };

export const consentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(keys(consentKinds)),
    kindLabel: z.string(),
    obtainedBy: z.object(user),
    obtainedDate: z.string(),
    method: z.enum(keys(consentMethods)),
    methodLabel: z.string(),
    scope: z.string(),
    validTo: z.string(),
    withdrawal: z
      .object({ date: z.string(), note: z.string(), by: z.object(user), at: z.string() })
      .nullable(),
    version: z.number(),
    recordedAt: z.string(),
  })
  .openapi("Consent");

export const consentStatusSchema = z
  .object({
    kind: z.enum(keys(consentKinds)),
    kindLabel: z.string(),
    state: z.enum(keys(consentStateLabels)),
    stateLabel: z.string(),
    consentId: z.string().nullable(),
    validTo: z.string().nullable(),
    /** Days left including today, for a valid consent (1 on its last day). */
    daysLeft: z.number().nullable(),
  })
  .openapi("ConsentStatus");

export const consentsResponse = z.object({
  today: z.string(),
  states: z.array(consentStatusSchema),
  consents: z.array(consentSchema),
});

export const decisionSchema = z
  .object({
    id: z.string(),
    caseStart: z.string(),
    decision: z.enum(keys(aktualiseringDecisions)),
    decisionLabel: z.string(),
    reason: z.string(),
    decidedDate: z.string(),
    decidedBy: z.object(user),
    supersedesId: z.string().nullable(),
    samtalId: z.string().nullable(),
    current: z.boolean(),
    recordedAt: z.string(),
  })
  .openapi("AktualiseringDecision");

export const aktualiseringResponse = z.object({
  today: z.string(),
  cases: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      days: z.number(),
      dayInCase: z.number(),
      ongoing: z.boolean(),
      /** Length over 30 days (`isLongerThan30Days`, the one meaning of "längre än 30 dagar"). */
      longerThan30Days: z.boolean(),
      /** Longer than 30 days and not decided yet: the case the coordinator must act on. */
      needsDecision: z.boolean(),
      current: decisionSchema.nullable(),
      history: z.array(decisionSchema),
    }),
  ),
  /** Decisions on a case start no longer computed (e.g. after a revoked certificate): never hidden. */
  otherDecisions: z.array(decisionSchema),
});

export const samtalSchema = z
  .object({
    id: z.string(),
    status: z.enum(keys(samtalStatuses)),
    statusLabel: z.string(),
    caseStart: z.string().nullable(),
    samtalDate: z.string(),
    heldBy: z.object(user),
    workSituation: z.string(),
    health: z.string(),
    socialSituation: z.string(),
    ownGoals: z.string(),
    obstacles: z.string(),
    coordinationNeed: z.string(),
    outcome: z.enum(keys(samtalOutcomes)).nullable(),
    outcomeLabel: z.string().nullable(),
    outcomeReason: z.string(),
    nextStep: z.string(),
    nextStepDate: z.string().nullable(),
    completedAt: z.string().nullable(),
    completedBy: z.object(user).nullable(),
    version: z.number(),
    recordedAt: z.string(),
    /** When the samtal was last saved (the database's clock). */
    updatedAt: z.string(),
  })
  .openapi("KartlaggandeSamtal");

export const measureSchema = z
  .object({
    id: z.string(),
    type: z.enum(keys(measureTypes)),
    typeLabel: z.string(),
    date: z.string(),
    performedBy: z.object(user),
    counterpart: z.enum(keys(counterparts)).nullable(),
    counterpartLabel: z.string().nullable(),
    counterpartOther: z.string(),
    note: z.string(),
    recordedAt: z.string(),
  })
  .openapi("Koordineringsinsats");

export const meetingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(keys(meetingKinds)),
    kindLabel: z.string(),
    date: z.string(),
    participants: z.array(
      z.object({ name: z.string(), role: z.string(), party: z.string(), partyLabel: z.string() }),
    ),
    notes: z.string(),
    followUpDate: z.string().nullable(),
    recordedBy: z.object(user),
    recordedAt: z.string(),
  })
  .openapi("Samverkansmote");

const eventBase = { date: z.string(), recordedAt: z.string(), label: z.string() };

export const logEventSchema = z
  .discriminatedUnion("type", [
    z.object({
      ...eventBase,
      type: z.enum(["SAMTYCKE", "SAMTYCKE_ATERKALLAT", "SAMTYCKE_UTGANGET"]),
      consent: consentSchema,
    }),
    z.object({ ...eventBase, type: z.literal("AKTUALISERING"), decision: decisionSchema }),
    z.object({ ...eventBase, type: z.literal("KARTLAGGANDE_SAMTAL"), samtal: samtalSchema }),
    z.object({ ...eventBase, type: z.literal("KOORDINERINGSINSATS"), measure: measureSchema }),
    z.object({ ...eventBase, type: z.literal("MOTE"), meeting: meetingSchema }),
  ])
  .openapi("KoordineringEvent");

export const coordinationLogResponse = z
  .object({
    today: z.string(),
    consent: z.array(consentStatusSchema),
    /** Everything in time order: by date, then when it was recorded. */
    events: z.array(logEventSchema),
  })
  .openapi("KoordineringLog");

export type UserRef = z.output<z.ZodObject<typeof user>>;
export type Consent = z.output<typeof consentSchema>;
export type ConsentStatus = z.output<typeof consentStatusSchema>;
export type Consents = z.output<typeof consentsResponse>;
export type NewConsent = z.input<typeof recordConsentBody>;
export type Decision = z.output<typeof decisionSchema>;
export type Aktualisering = z.output<typeof aktualiseringResponse>;
export type AktualiseringCase = Aktualisering["cases"][number];
export type NewDecision = z.input<typeof decideBody>;
export type Samtal = z.output<typeof samtalSchema>;
/** The editable fields of a samtal; a save sends the ones it changes. */
export type SamtalFields = z.input<typeof createSamtalBody>;
export type Measure = z.output<typeof measureSchema>;
export type NewMeasure = z.input<typeof recordMeasureBody>;
export type Participant = z.input<typeof participantSchema>;
export type Meeting = z.output<typeof meetingSchema>;
export type NewMeeting = z.input<typeof recordMeetingBody>;
export type LogEvent = z.output<typeof logEventSchema>;
export type CoordinationLog = z.output<typeof coordinationLogResponse>;
