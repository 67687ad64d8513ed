/**
 * Rehabplan (plan för återgång i arbete, PRODUCT §2, §5.6): what a plan holds, when it may be
 * fastställd, how two versions differ, and which tasks it calls for. Pure: shared by the server
 * and the browser.
 *
 * - A plan belongs to one sjukfall (patient, unit, case start) and is UTKAST → FASTSTÄLLD →
 *   AVSLUTAD. A fastställd plan can be revised (every save is a version); it stays fastställd and
 *   must stay complete.
 * - Fastställ needs a goal, a planned end and at least one action, every action with a responsible
 *   person and a follow-up date, and the anchoring with the patient (date and how).
 * - Each open action with a follow-up date has a follow-up task (one per action and date); an action
 *   done or cancelled, removed or given a new date ends its earlier task.
 * - A plan not revised within the unit's interval (default 8 weeks) while its case goes on raises
 *   a revision task (one per version); the next save ends it.
 */
import { addDays, dayNumber } from "../cases/days.ts";
import type { PlannedTask } from "../tasks/rules.ts";

export const parties = {
  VARDEN: "Vården",
  PATIENTEN: "Patienten",
  ARBETSGIVAREN: "Arbetsgivaren",
  FORSAKRINGSKASSAN: "Försäkringskassan",
  ANNAN: "Annan aktör",
} as const;
export type Party = keyof typeof parties;

export const actionStatuses = {
  PLANERAD: "Planerad",
  PAGAR: "Pågår",
  KLAR: "Klar",
  AVBRUTEN: "Avbruten",
} as const;
export type ActionStatus = keyof typeof actionStatuses;

export const planStatuses = {
  UTKAST: "Utkast",
  FASTSTALLD: "Fastställd",
  AVSLUTAD: "Avslutad",
} as const;
export type PlanStatus = keyof typeof planStatuses;

/** What the plan list and the patient page show: the status, or that a follow-up is late. */
export const planStates = { ...planStatuses, UPPFOLJNING_FORSENAD: "Uppföljning försenad" } as const;
export type PlanState = keyof typeof planStates;

export const anchoringMethods = {
  BESOK: "Vid besök",
  TELEFON: "Per telefon",
  VIDEO: "Via video",
} as const;
export type AnchoringMethod = keyof typeof anchoringMethods;

export const versionEvents = {
  SKAPAD: "Skapad",
  SPARAD: "Sparad",
  ATGARD_TILLAGD: "Åtgärd tillagd",
  FASTSTALLD: "Fastställd med patienten",
  AVSLUTAD: "Avslutad",
} as const;
export type VersionEvent = keyof typeof versionEvents;

export const REVISION_WEEKS_DEFAULT = 8;
export const REVISION_WEEKS_MAX = 52;

export interface PlanAction {
  id: string;
  party: Party;
  description: string;
  /** Name and/or role of the responsible person (e.g. "Anna, chef på arbetsplatsen"). */
  responsibleName: string;
  /** A user of the unit, when the responsible person is one. */
  responsibleUserId: string | null;
  startDate: string | null;
  followUpDate: string | null;
  status: ActionStatus;
}

export interface PlanContent {
  goal: string;
  /** Syftet med sjukskrivningen. */
  purpose: string;
  plannedEnd: string | null;
  patientWords: string;
  actions: PlanAction[];
}

export interface Anchoring {
  date: string;
  method: AnchoringMethod;
}

export interface Issue {
  path: string;
  message: string;
}

export function emptyContent(): PlanContent {
  return { goal: "", purpose: "", plannedEnd: null, patientWords: "", actions: [] };
}

const blank = (text: string) => text.trim() === "";
const actionLabel = (index: number) => `Åtgärd ${index + 1}`;

export function hasResponsible(action: Pick<PlanAction, "responsibleName" | "responsibleUserId">) {
  return action.responsibleUserId !== null || !blank(action.responsibleName);
}

/** Checks every save (draft or not): dates that contradict each other. */
export function contentIssues(content: PlanContent, caseStart: string): Issue[] {
  const issues: Issue[] = [];
  if (content.plannedEnd !== null && content.plannedEnd < caseStart) {
    issues.push({
      path: "plannedEnd",
      message: `Planerat slut kan inte vara före sjukfallets start (${caseStart}).`,
    });
  }
  content.actions.forEach((action, i) => {
    if (blank(action.description)) {
      issues.push({ path: `actions.${i}.description`, message: `${actionLabel(i)}: beskriv åtgärden.` });
    }
    if (action.startDate && action.followUpDate && action.followUpDate < action.startDate) {
      issues.push({
        path: `actions.${i}.followUpDate`,
        message: `${actionLabel(i)}: uppföljningsdatum kan inte vara före startdatum.`,
      });
    }
  });
  const ids = content.actions.map((a) => a.id);
  if (new Set(ids).size !== ids.length) {
    issues.push({ path: "actions", message: "Två åtgärder har samma id." });
  }
  return issues;
}

/** What is missing before the plan may be fastställd (Swedish messages naming it). */
export function completenessIssues(content: PlanContent): Issue[] {
  const issues: Issue[] = [];
  if (blank(content.goal)) issues.push({ path: "goal", message: "Målet med planen saknas." });
  if (content.plannedEnd === null) {
    issues.push({ path: "plannedEnd", message: "Planerat slut på sjukskrivningen saknas." });
  }
  if (content.actions.length === 0) {
    issues.push({ path: "actions", message: "Planen saknar åtgärder." });
  }
  content.actions.forEach((action, i) => {
    if (!hasResponsible(action)) {
      issues.push({
        path: `actions.${i}.responsibleName`,
        message: `${actionLabel(i)} (${action.description.trim() || "utan beskrivning"}) saknar ansvarig.`,
      });
    }
    if (action.followUpDate === null) {
      issues.push({
        path: `actions.${i}.followUpDate`,
        message: `${actionLabel(i)} (${action.description.trim() || "utan beskrivning"}) saknar uppföljningsdatum.`,
      });
    }
  });
  return issues;
}

/** Completeness plus the anchoring with the patient, which fastställ records. */
export function establishIssues(content: PlanContent, anchoring: Anchoring | null, today: string): Issue[] {
  const issues = completenessIssues(content);
  if (anchoring === null) {
    issues.push({ path: "anchoredDate", message: "Ange när och hur planen förankrades med patienten." });
  } else if (anchoring.date > today) {
    issues.push({ path: "anchoredDate", message: "Datum för förankringen kan inte vara i framtiden." });
  }
  return issues;
}

/** A readable summary of what is missing, for the refusal's message. */
export function missingMessage(issues: Issue[]): string {
  if (issues.length === 1) return `Planen kan inte fastställas: ${lowerFirst(issues[0]!.message)}`;
  return `Planen kan inte fastställas. ${issues.map((i) => i.message).join(" ")}`;
}

const lowerFirst = (text: string) =>
  text.startsWith("Åtgärd") ? text : text.charAt(0).toLowerCase() + text.slice(1);

/** Days from the case start to the planned end, both included (null without a planned end). */
export function plannedLengthDays(caseStart: string, plannedEnd: string | null): number | null {
  if (plannedEnd === null || plannedEnd < caseStart) return null;
  return dayNumber(plannedEnd) - dayNumber(caseStart) + 1;
}

// ---- Versions and comparison ----

export interface PlanSnapshot {
  status: PlanStatus;
  content: PlanContent;
  anchoredDate: string | null;
  anchoredMethod: AnchoringMethod | null;
}

export interface FieldChange {
  /** The field's Swedish label; for an action "Åtgärd: <beskrivning> – <fält>". */
  label: string;
  before: string;
  after: string;
}

const none = "–";
const dateText = (value: string | null) => value ?? none;

const fieldLabels = {
  goal: "Mål",
  purpose: "Syfte med sjukskrivningen",
  plannedEnd: "Planerat slut",
  patientWords: "Patientens egna ord",
} as const;

const actionFieldLabels = {
  party: "Part",
  description: "Beskrivning",
  responsibleName: "Ansvarig",
  responsibleUserId: "Ansvarig på enheten",
  startDate: "Start",
  followUpDate: "Uppföljning",
  status: "Status",
} as const;

function actionFieldText(
  action: PlanAction,
  field: keyof typeof actionFieldLabels,
  userName: (id: string) => string,
): string {
  switch (field) {
    case "party":
      return parties[action.party];
    case "status":
      return actionStatuses[action.status];
    case "responsibleUserId":
      return action.responsibleUserId ? userName(action.responsibleUserId) : none;
    case "startDate":
    case "followUpDate":
      return dateText(action[field]);
    default:
      return action[field] || none;
  }
}

function actionSummary(action: PlanAction, userName: (id: string) => string): string {
  const who = [action.responsibleName, action.responsibleUserId ? userName(action.responsibleUserId) : ""]
    .filter((s) => s.trim() !== "")
    .join(", ");
  return `${parties[action.party]}: ${action.description || none} (ansvarig ${who || none}, uppföljning ${dateText(action.followUpDate)}, ${actionStatuses[action.status].toLowerCase()})`;
}

/** What changed from `before` to `after`, field by field and action by action (matched by id). */
export function comparePlans(
  before: PlanSnapshot,
  after: PlanSnapshot,
  userName: (id: string) => string = (id) => id,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (label: string, a: string, b: string) => {
    if (a !== b) changes.push({ label, before: a, after: b });
  };
  push("Status", planStatuses[before.status], planStatuses[after.status]);
  for (const field of Object.keys(fieldLabels) as (keyof typeof fieldLabels)[]) {
    const a = before.content[field];
    const b = after.content[field];
    push(fieldLabels[field], a === null || a === "" ? none : a, b === null || b === "" ? none : b);
  }
  const anchoring = (s: PlanSnapshot) =>
    s.anchoredDate && s.anchoredMethod
      ? `${s.anchoredDate}, ${anchoringMethods[s.anchoredMethod].toLowerCase()}`
      : none;
  push("Förankrad med patienten", anchoring(before), anchoring(after));

  const old = new Map(before.content.actions.map((a) => [a.id, a]));
  const kept = new Set<string>();
  for (const action of after.content.actions) {
    const prior = old.get(action.id);
    if (!prior) {
      changes.push({ label: "Ny åtgärd", before: none, after: actionSummary(action, userName) });
      continue;
    }
    kept.add(action.id);
    for (const field of Object.keys(actionFieldLabels) as (keyof typeof actionFieldLabels)[]) {
      push(
        `Åtgärd: ${action.description || prior.description || none} – ${actionFieldLabels[field]}`,
        actionFieldText(prior, field, userName),
        actionFieldText(action, field, userName),
      );
    }
  }
  for (const action of before.content.actions) {
    if (!kept.has(action.id)) {
      changes.push({ label: "Borttagen åtgärd", before: actionSummary(action, userName), after: none });
    }
  }
  return changes;
}

// ---- State and tasks ----

export const isOpen = (action: PlanAction) => action.status === "PLANERAD" || action.status === "PAGAR";

/** The plan's state today: a fastställd plan with an open action past its follow-up date is late. */
export function planState(plan: { status: PlanStatus; content: PlanContent }, today: string): PlanState {
  if (plan.status !== "FASTSTALLD") return plan.status;
  const late = plan.content.actions.some(
    (a) => isOpen(a) && a.followUpDate !== null && a.followUpDate < today,
  );
  return late ? "UPPFOLJNING_FORSENAD" : "FASTSTALLD";
}

/** The next follow-up date of the plan's open actions (null: none). */
export function nextFollowUp(content: PlanContent): string | null {
  const dates = content.actions.filter(isOpen).flatMap((a) => (a.followUpDate ? [a.followUpDate] : []));
  return dates.length > 0 ? dates.sort()[0]! : null;
}

/** The unit's revision interval in weeks (unit.settings.rehabplan.revisionWeeks), read leniently. */
export function revisionWeeks(unitSettings: unknown): number {
  if (typeof unitSettings !== "object" || unitSettings === null) return REVISION_WEEKS_DEFAULT;
  const part = (unitSettings as Record<string, unknown>).rehabplan;
  if (typeof part !== "object" || part === null) return REVISION_WEEKS_DEFAULT;
  const weeks = (part as Record<string, unknown>).revisionWeeks;
  return typeof weeks === "number" && Number.isInteger(weeks) && weeks >= 1 && weeks <= REVISION_WEEKS_MAX
    ? weeks
    : REVISION_WEEKS_DEFAULT;
}

export const followUpSubject = (actionId: string, date: string) => `${actionId}/${date}`;
export const revisionSubject = (planId: string, version: number) => `${planId}/v${version}`;

export interface PlanForTasks {
  id: string;
  patientId: string;
  caseStart: string;
  status: PlanStatus;
  version: number;
  content: PlanContent;
}

/** The follow-up tasks the plan calls for: one per open action with a follow-up date. */
export function followUpTasks(plan: PlanForTasks): PlannedTask[] {
  if (plan.status === "AVSLUTAD") return [];
  return plan.content.actions.flatMap((action) =>
    isOpen(action) && action.followUpDate !== null
      ? [
          {
            patientId: plan.patientId,
            caseStart: plan.caseStart,
            kind: "PLAN_FOLLOW_UP" as const,
            subject: followUpSubject(action.id, action.followUpDate),
            dueDate: action.followUpDate,
            responsibleUserId: action.responsibleUserId,
            details: { planId: plan.id, actionId: action.id, party: action.party },
          },
        ]
      : [],
  );
}

/**
 * The follow-up tasks of `before` that the new content ends: done when the action is klar; not
 * relevant (with the reason) when it is cancelled, removed, moved to another date, or the plan ends.
 */
export function endedFollowUps(
  before: PlanContent,
  after: PlanContent,
  afterStatus: PlanStatus,
): { done: string[]; dismissed: { subject: string; reason: string }[] } {
  const next = new Map(after.actions.map((a) => [a.id, a]));
  const done: string[] = [];
  const dismissed: { subject: string; reason: string }[] = [];
  for (const action of before.actions) {
    if (!isOpen(action) || action.followUpDate === null) continue;
    const subject = followUpSubject(action.id, action.followUpDate);
    const now = next.get(action.id);
    const reason =
      now?.status === "AVBRUTEN"
        ? "Åtgärden avbröts."
        : !now
          ? "Åtgärden togs bort ur planen."
          : afterStatus === "AVSLUTAD"
            ? "Rehabplanen avslutades."
            : now.followUpDate !== action.followUpDate
              ? `Ny uppföljningsdag: ${now.followUpDate ?? "ingen"}.`
              : null;
    if (now?.status === "KLAR") done.push(subject);
    else if (reason !== null) dismissed.push({ subject, reason });
  }
  return { done, dismissed };
}

/**
 * The revision task when the plan was last saved more than the interval ago and its case goes on
 * (`caseOngoing`): due the day the interval ran out.
 */
export function revisionTask(
  plan: PlanForTasks & { savedDate: string },
  weeks: number,
  today: string,
  caseOngoing: boolean,
): PlannedTask | null {
  if (plan.status === "AVSLUTAD" || !caseOngoing) return null;
  const due = addDays(plan.savedDate, weeks * 7);
  if (due > today) return null;
  return {
    patientId: plan.patientId,
    caseStart: plan.caseStart,
    kind: "PLAN_REVISION",
    subject: revisionSubject(plan.id, plan.version),
    dueDate: due,
    responsibleUserId: null,
    details: { planId: plan.id, version: plan.version, weeks },
  };
}
