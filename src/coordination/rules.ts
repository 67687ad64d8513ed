/**
 * The rehabkoordinator's legal core (Lag (2019:1297) om koordineringsinsatser för sjukskrivna
 * patienter; PRODUCT §2, §4, §5.4, §5.8): consent, aktualisering decisions, kartläggande samtal,
 * koordineringsinsatser and meetings with external parties. Pure: no I/O, shared by server and
 * browser. Dates are ISO calendar dates (ÅÅÅÅ-MM-DD) compared as text.
 */
import { addDays, dayNumber, isoDate } from "../cases/days.ts";

export interface Issue {
  path: string;
  message: string;
}

// ---- Samtycke ----

/**
 * The three consents are recorded separately (PRODUCT §2): to coordination under the law, to
 * actualisation in the unit's multimodal team, and to the care unit informing Försäkringskassan.
 */
export const consentKinds = {
  KOORDINERING: "Koordinering",
  TEAM: "Aktualisering i det multimodala teamet",
  INFO_FK: "Information till Försäkringskassan",
} as const;
export type ConsentKind = keyof typeof consentKinds;
export const consentKindIds = Object.keys(consentKinds) as ConsentKind[];

/** What the patient consented to, as the end of "Patienten har gett samtycke till …". */
const consentSubject: Record<ConsentKind, string> = {
  KOORDINERING: "koordinering",
  TEAM: "aktualisering i det multimodala teamet",
  INFO_FK: "att vården lämnar uppgifter till Försäkringskassan",
};

export const consentMethods = { MUNTLIGT: "Muntligt", SKRIFTLIGT: "Skriftligt" } as const;
export type ConsentMethod = keyof typeof consentMethods;

export const consentStateLabels = {
  valid: "Giltigt",
  expired: "Har gått ut",
  withdrawn: "Återkallat",
  missing: "Saknas",
} as const;
export type ConsentState = keyof typeof consentStateLabels;

/**
 * The law sets no period of validity. We default to twelve months — long enough for a typical
 * coordination, short enough that the coordinator asks again during a long sick leave — and the
 * coordinator may set another end date (after the date the consent was obtained).
 */
export const DEFAULT_CONSENT_MONTHS = 12;

/** The last valid day of a consent obtained on `obtained` without an end date: a year minus a day. */
export function defaultConsentValidTo(obtained: string): string {
  const [year, month, day] = obtained.split("-").map(Number) as [number, number, number];
  // Date.UTC rolls 29 February of a non-leap year over to 1 March, so the day before is 28 February.
  const sameDayLater = new Date(Date.UTC(year, month - 1 + DEFAULT_CONSENT_MONTHS, day));
  return addDays(sameDayLater.toISOString().slice(0, 10), -1);
}

/** The fields of a stored consent the rules read. */
export interface ConsentRecord {
  kind: ConsentKind;
  obtainedDate: string;
  /** Last day the consent is valid (inclusive). */
  validTo: string;
  /** From this day on the consent no longer applies; null when not withdrawn. */
  withdrawnDate: string | null;
  /** When it was recorded (ISO timestamp): breaks ties between consents obtained the same day. */
  createdAt: string;
}

export interface ConsentStatus<T extends ConsentRecord> {
  state: ConsentState;
  /** The consent that decides the state: the valid one, else the latest obtained; null if missing. */
  consent: T | null;
}

function newestFirst(a: ConsentRecord, b: ConsentRecord): number {
  if (a.obtainedDate !== b.obtainedDate) return a.obtainedDate < b.obtainedDate ? 1 : -1;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

function inForce(c: ConsentRecord, date: string): boolean {
  return c.obtainedDate <= date && date <= c.validTo && (c.withdrawnDate === null || c.withdrawnDate > date);
}

/**
 * The state of the patient's consent of `kind` on `date`. A consent is valid from the day it was
 * obtained through its valid-to day, and not from the day it was withdrawn. Consents obtained after
 * `date` do not count. When none is valid, the latest obtained one says whether it expired or was
 * withdrawn; without any, consent is missing.
 */
export function consentState<T extends ConsentRecord>(
  consents: readonly T[],
  kind: ConsentKind,
  date: string,
): ConsentStatus<T> {
  const obtained = consents.filter((c) => c.kind === kind && c.obtainedDate <= date).sort(newestFirst);
  const valid = obtained.filter((c) => inForce(c, date));
  if (valid.length > 0) {
    // The one that lasts longest decides the state (and when it ends).
    const longest = valid.reduce((best, c) => (c.validTo > best.validTo ? c : best));
    return { state: "valid", consent: longest };
  }
  const latest = obtained[0];
  if (!latest) return { state: "missing", consent: null };
  const withdrawn = latest.withdrawnDate !== null && latest.withdrawnDate <= date;
  return { state: withdrawn ? "withdrawn" : "expired", consent: latest };
}

/** Days left of a valid consent on `date`, the valid-to day included (1 on its last day). */
export function consentDaysLeft(consent: Pick<ConsentRecord, "validTo">, date: string): number {
  return dayNumber(consent.validTo) - dayNumber(date) + 1;
}

export interface ConsentRefusal {
  kind: ConsentKind;
  state: Exclude<ConsentState, "valid">;
  message: string;
}

function refusalMessage(kind: ConsentKind, state: ConsentRefusal["state"], obtainedLater: boolean): string {
  const subject = consentSubject[kind];
  if (state === "withdrawn") return `Patienten har återkallat sitt samtycke till ${subject}.`;
  if (state === "expired") return `Patientens samtycke till ${subject} har gått ut.`;
  return obtainedLater
    ? `Patienten hade inte gett samtycke till ${subject} på det datumet.`
    : `Patienten har inte gett samtycke till ${subject}.`;
}

/**
 * The guard every consent-bound step runs: `requireConsent("KOORDINERING")(consents, date)` is
 * null when the patient's consent of that kind is valid on `date`, else why not (Swedish, free of
 * patient data). Used by coordination measures, meetings and decisions here, and by the team
 * module for its agenda (a patient is put on the agenda only with TEAM consent).
 */
export function requireConsent(kind: ConsentKind) {
  return (consents: readonly ConsentRecord[], date: string): ConsentRefusal | null => {
    const { state } = consentState(consents, kind, date);
    if (state === "valid") return null;
    const obtainedLater = consents.some((c) => c.kind === kind && c.obtainedDate > date);
    return { kind, state, message: refusalMessage(kind, state, obtainedLater) };
  };
}

/** The first refusal among the consents `kinds` needs on `date`, or null when all are valid. */
export function consentRefusal(
  consents: readonly ConsentRecord[],
  kinds: readonly ConsentKind[],
  date: string,
): ConsentRefusal | null {
  for (const kind of kinds) {
    const refusal = requireConsent(kind)(consents, date);
    if (refusal) return refusal;
  }
  return null;
}

const notInFuture = (date: string, today: string, path: string, label: string): Issue[] =>
  date > today ? [{ path, message: `${label} kan inte vara i framtiden.` }] : [];

export interface ConsentInput {
  obtainedDate: string;
  validTo: string | null;
}

export function consentIssues(input: ConsentInput, today: string): Issue[] {
  const issues = notInFuture(input.obtainedDate, today, "obtainedDate", "Datum för samtycket");
  if (input.validTo !== null && input.validTo <= input.obtainedDate) {
    issues.push({ path: "validTo", message: "Giltigt till måste vara efter datumet då samtycket lämnades." });
  }
  return issues;
}

export function withdrawalIssues(
  consent: Pick<ConsentRecord, "obtainedDate" | "validTo" | "withdrawnDate">,
  withdrawnDate: string,
  today: string,
): Issue[] {
  if (consent.withdrawnDate !== null) {
    return [{ path: "withdrawnDate", message: "Samtycket är redan återkallat." }];
  }
  const issues = notInFuture(withdrawnDate, today, "withdrawnDate", "Datum för återkallelsen");
  if (withdrawnDate < consent.obtainedDate) {
    issues.push({
      path: "withdrawnDate",
      message: "Samtycket kan inte återkallas före datumet då det lämnades.",
    });
  } else if (withdrawnDate > consent.validTo) {
    issues.push({ path: "withdrawnDate", message: "Samtycket hade redan gått ut det datumet." });
  }
  return issues;
}

// ---- Aktualisering ----

/** The coordinator's decision for a case past day 30 (or an early-risk case). */
export const aktualiseringDecisions = {
  AKTUALISERA_TEAM: "Aktualiseras i det multimodala teamet",
  KOORDINERA_UTAN_TEAM: "Koordinering utan team",
  INGEN_ATGARD: "Ingen åtgärd",
} as const;
export type AktualiseringDecision = keyof typeof aktualiseringDecisions;

/** Consents a decision needs on the day it is made. */
export function consentsForDecision(decision: AktualiseringDecision): ConsentKind[] {
  if (decision === "AKTUALISERA_TEAM") return ["TEAM"];
  if (decision === "KOORDINERA_UTAN_TEAM") return ["KOORDINERING"];
  return [];
}

export interface DecisionInput {
  caseStart: string;
  decision: AktualiseringDecision;
  decidedDate: string;
  reason: string;
}

export function decisionIssues(input: DecisionInput, today: string): Issue[] {
  const issues = notInFuture(input.decidedDate, today, "decidedDate", "Beslutsdatum");
  if (input.decidedDate < input.caseStart) {
    issues.push({ path: "decidedDate", message: "Beslutsdatum kan inte vara före sjukfallets start." });
  }
  if (input.decision === "INGEN_ATGARD" && !input.reason) {
    issues.push({ path: "reason", message: "Ange varför ingen åtgärd behövs." });
  }
  return issues;
}

// ---- Kartläggande samtal ----

export const samtalOutcomes = {
  ...aktualiseringDecisions,
  FORTSATT_KARTLAGGNING: "Fortsatt kartläggning",
} as const;
export type SamtalOutcome = keyof typeof samtalOutcomes;

export const samtalStatuses = { UTKAST: "Utkast", KLAR: "Avslutat" } as const;
export type SamtalStatus = keyof typeof samtalStatuses;

/** The structured areas of the conversation, in the order the form asks them. */
export const samtalAreas = {
  workSituation: "Arbetssituation",
  health: "Hälsa",
  socialSituation: "Social situation",
  ownGoals: "Patientens egna mål",
  obstacles: "Hinder",
  coordinationNeed: "Behov av koordinering",
} as const;
export type SamtalArea = keyof typeof samtalAreas;

export function isDecision(outcome: SamtalOutcome): outcome is AktualiseringDecision {
  return outcome in aktualiseringDecisions;
}

export type SamtalContent = Record<SamtalArea, string> & {
  samtalDate: string;
  caseStart: string | null;
  outcome: SamtalOutcome | null;
  outcomeReason: string;
  nextStep: string;
  nextStepDate: string | null;
};

/**
 * What a completed conversation must hold (drafts may lack anything): every area answered, an
 * outcome, the next step and its date. An outcome that is an aktualisering decision also needs the
 * case it decides and, for "ingen åtgärd", the reason; it is then recorded as that decision.
 */
export function samtalCompletionIssues(s: SamtalContent, today: string): Issue[] {
  const issues = notInFuture(s.samtalDate, today, "samtalDate", "Datum för samtalet");
  for (const [area, label] of Object.entries(samtalAreas) as [SamtalArea, string][]) {
    if (!s[area].trim()) issues.push({ path: area, message: `Fyll i ${label.toLowerCase()}.` });
  }
  if (s.outcome === null) {
    issues.push({ path: "outcome", message: "Välj vad samtalet ledde till." });
  } else if (isDecision(s.outcome)) {
    if (s.caseStart === null) {
      issues.push({ path: "caseStart", message: "Välj sjukfallet som beslutet gäller." });
    } else if (s.samtalDate < s.caseStart) {
      issues.push({ path: "samtalDate", message: "Samtalet kan inte vara före sjukfallets start." });
    }
    if (s.outcome === "INGEN_ATGARD" && !s.outcomeReason.trim()) {
      issues.push({ path: "outcomeReason", message: "Ange varför ingen åtgärd behövs." });
    }
  }
  if (!s.nextStep.trim()) issues.push({ path: "nextStep", message: "Beskriv nästa steg." });
  if (s.nextStepDate === null) {
    issues.push({ path: "nextStepDate", message: "Ange datum för nästa steg." });
  } else if (s.nextStepDate < s.samtalDate) {
    issues.push({ path: "nextStepDate", message: "Nästa steg kan inte vara före samtalet." });
  }
  return issues;
}

// ---- Koordineringsinsatser and meetings ----

/** The three kinds of measure the law names; every measure is exactly one of them. */
export const measureTypes = {
  PERSONLIGT_STOD: "Personligt stöd",
  INTERN_SAMORDNING: "Intern samordning",
  SAMVERKAN: "Samverkan med andra aktörer",
} as const;
export type MeasureType = keyof typeof measureTypes;

export const counterparts = {
  ARBETSGIVARE: "Arbetsgivare",
  FORSAKRINGSKASSAN: "Försäkringskassan",
  ARBETSFORMEDLINGEN: "Arbetsförmedlingen",
  SOCIALTJANST: "Socialtjänst",
  FORETAGSHALSOVARD: "Företagshälsovård",
  ANNAN: "Annan aktör",
} as const;
export type Counterpart = keyof typeof counterparts;

export const meetingKinds = {
  TREPARTSMOTE: "Trepartsmöte",
  AVSTAMNINGSMOTE: "Avstämningsmöte",
} as const;
export type MeetingKind = keyof typeof meetingKinds;

/** Whom a meeting participant represents: the patient, the care unit, or an external party. */
export const participantParties = {
  PATIENT: "Patienten",
  VARDEN: "Vården",
  ...counterparts,
} as const;
export type ParticipantParty = keyof typeof participantParties;

/*
 * Why Försäkringskassan needs its own consent: coordination measures are given only with the
 * patient's consent (Lag 2019:1297), so every measure and meeting needs KOORDINERING. Telling
 * Försäkringskassan about the patient discloses data under hälso- och sjukvårdssekretess
 * (offentlighets- och sekretesslagen 25 kap. 1 §), which only the patient can waive (12 kap. 2 §);
 * PRODUCT §2 therefore records that consent separately. An avstämningsmöte is Försäkringskassan's
 * meeting about the patient's sickness benefit, so it always needs INFO_FK, as do a samverkan
 * measure with Försäkringskassan and any meeting where Försäkringskassan takes part.
 */

export function consentsForMeasure(type: MeasureType, counterpart: Counterpart | null): ConsentKind[] {
  return type === "SAMVERKAN" && counterpart === "FORSAKRINGSKASSAN"
    ? ["KOORDINERING", "INFO_FK"]
    : ["KOORDINERING"];
}

export function consentsForMeeting(kind: MeetingKind, parties: readonly ParticipantParty[]): ConsentKind[] {
  return kind === "AVSTAMNINGSMOTE" || parties.includes("FORSAKRINGSKASSAN")
    ? ["KOORDINERING", "INFO_FK"]
    : ["KOORDINERING"];
}

export interface MeasureInput {
  type: MeasureType;
  date: string;
  counterpart: Counterpart | null;
  counterpartOther: string;
}

export function measureIssues(input: MeasureInput, today: string): Issue[] {
  const issues = notInFuture(input.date, today, "date", "Datum för insatsen");
  if (input.type === "SAMVERKAN" && input.counterpart === null) {
    issues.push({ path: "counterpart", message: "Ange vilken aktör samverkan gällde." });
  }
  if (input.type !== "SAMVERKAN" && input.counterpart !== null) {
    issues.push({ path: "counterpart", message: "Aktör anges bara för samverkan med andra aktörer." });
  }
  if (input.counterpart === "ANNAN" && !input.counterpartOther) {
    issues.push({ path: "counterpartOther", message: "Ange vilken annan aktör det gällde." });
  }
  if (input.counterpart !== "ANNAN" && input.counterpartOther) {
    issues.push({ path: "counterpartOther", message: "Fritext om aktören anges bara för annan aktör." });
  }
  return issues;
}

export interface MeetingInput {
  kind: MeetingKind;
  date: string;
  participants: { party: ParticipantParty }[];
  followUpDate: string | null;
}

export function meetingIssues(input: MeetingInput, today: string): Issue[] {
  const issues = notInFuture(input.date, today, "date", "Datum för mötet");
  const external = input.participants.some((p) => p.party !== "PATIENT" && p.party !== "VARDEN");
  if (!external) {
    issues.push({ path: "participants", message: "Ange minst en deltagare från en extern aktör." });
  }
  if (input.followUpDate !== null && input.followUpDate < input.date) {
    issues.push({ path: "followUpDate", message: "Uppföljningen kan inte vara före mötet." });
  }
  return issues;
}

// ---- The coordination log ----

/** Entries of the log are ordered by their date, then by when they were recorded. */
export function timeOrder(
  a: { date: string; recordedAt: string },
  b: { date: string; recordedAt: string },
): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0;
}

/** The first day a consent no longer applies because it ran out, or null (still valid / withdrawn first). */
export function consentExpiryDate(c: ConsentRecord, today: string): string | null {
  const firstDayAfter = isoDate(dayNumber(c.validTo) + 1);
  if (firstDayAfter > today) return null;
  if (c.withdrawnDate !== null && c.withdrawnDate <= c.validTo) return null;
  return firstDayAfter;
}
