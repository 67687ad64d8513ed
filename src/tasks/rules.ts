/**
 * Uppgift (PRODUCT §2, §4): which tasks a case calls for today, and how a task may end. Pure: the
 * daily job (`./job.ts`) feeds it the unit list; the API applies the status rules.
 *
 * - Checkpoints (day 8 — day 1 with a förstadagsintyg —, 15, 30, 90, 180, 365): a task when the
 *   case reaches the day while ongoing. Only checkpoints reached in the last CATCH_UP_DAYS days
 *   are created, so a missed run is caught up but a first run does not fill the queue with history.
 * - AKTUALISERA: every case longer than 30 days must end up decided (seed 000) — no catch-up limit.
 * - CERTIFICATE_ENDING: the case ends within ENDING_WITHIN_DAYS days and no new certificate is
 *   being written: suggest a return visit. One per end date (a renewal gives a new end).
 * - KOMPLETTERING_OVERDUE: an open komplettering past its last answer date, or without one received
 *   more than KOMPLETTERING_DAYS days ago. One per ärende.
 * - CONSENT_EXPIRING: a consent (lag 2019:1297) ends within CONSENT_WITHIN_DAYS days and no later
 *   consent of the same kind is in place. One per consent.
 *
 * Created by events instead (`./events.ts`, in the event's transaction): KOMPLETTERING_ANSWER when a
 * komplettering is registered (one per ärende, done when answered), MEETING_FOLLOW_UP for a
 * samverkansmöte with a follow-up date (one per meeting), SAMTAL_NEXT_STEP for a completed
 * kartläggande samtal's next step (one per samtal), TEAM_DECISION for a decision of the multimodal
 * team (one per decision, `src/team`), PLAN_FOLLOW_UP for each open action of a rehab plan with a
 * follow-up date (one per action and date; the job keeps them too). The job adds PLAN_REVISION for
 * a plan not revised within the unit's interval (src/rehabplan/rules.ts).
 */
import { addDays } from "../cases/days.ts";
import { checkpoints } from "../cases/engine.ts";
import { isLongerThan30Days, LONG_CASE_LIMIT_DAYS } from "../cases/length.ts";
import type { CheckpointKind } from "../cases/types.ts";

export const CATCH_UP_DAYS = 30;
export const ENDING_WITHIN_DAYS = 7;
export const KOMPLETTERING_DAYS = 14;
export const CONSENT_WITHIN_DAYS = 14;

export const taskKinds = {
  CHECKPOINT_DAY_8: "Läkarintyg krävs (dag 8, dag 1 vid förstadagsintyg)",
  CHECKPOINT_DAY_15: "Dag 15: Försäkringskassan tar över från arbetsgivaren",
  CHECKPOINT_DAY_30: "Dag 30: arbetsgivarens plan för återgång i arbete",
  AKTUALISERA: "Sjukfall över 30 dagar: besluta om aktualisering i teamet",
  CHECKPOINT_DAY_90: "Dag 90: rehabiliteringskedjan, bedömning mot annat arbete hos arbetsgivaren",
  CHECKPOINT_DAY_180: "Dag 180: rehabiliteringskedjan, bedömning mot normalt förekommande arbete",
  CHECKPOINT_DAY_365: "Dag 365: rehabiliteringskedjan, förlängd bedömning",
  CERTIFICATE_ENDING: "Intyget löper snart ut: boka återbesök vid behov",
  KOMPLETTERING_OVERDUE: "Komplettering till Försäkringskassan är försenad",
  CONSENT_EXPIRING: "Samtycke löper snart ut",
  KOMPLETTERING_ANSWER: "Besvara komplettering från Försäkringskassan",
  MEETING_FOLLOW_UP: "Följ upp samverkansmöte",
  SAMTAL_NEXT_STEP: "Nästa steg efter kartläggande samtal",
  UNDERLAG_REQUEST: "Underlag om funktion och aktivitet begärt",
  TEAM_DECISION: "Beslut i teamet",
  PLAN_FOLLOW_UP: "Följ upp åtgärd i rehabplanen",
  PLAN_REVISION: "Rehabplanen har inte reviderats inom intervallet: revidera den",
} as const;
export type TaskKind = keyof typeof taskKinds;
export const taskKindIds = Object.keys(taskKinds) as [TaskKind, ...TaskKind[]];

export const taskStatuses = {
  OPEN: "Att göra",
  DONE: "Åtgärdad",
  NOT_RELEVANT: "Ej aktuell",
  POSTPONED: "Uppskjuten",
} as const;
export type TaskStatus = keyof typeof taskStatuses;

/** Who a task goes to: the anchor's doctor, or the unit's coordinator queue (null). */
const toDoctor: ReadonlySet<TaskKind> = new Set([
  "CHECKPOINT_DAY_8",
  "CHECKPOINT_DAY_15",
  "CERTIFICATE_ENDING",
  "KOMPLETTERING_OVERDUE",
]);

const checkpointKinds: Record<CheckpointKind, TaskKind> = {
  "certificate-required": "CHECKPOINT_DAY_8",
  "fk-takes-over": "CHECKPOINT_DAY_15",
  "rehab-coordinator": "CHECKPOINT_DAY_30",
  "rehab-chain-90": "CHECKPOINT_DAY_90",
  "rehab-chain-180": "CHECKPOINT_DAY_180",
  "rehab-chain-365": "CHECKPOINT_DAY_365",
};

export interface CaseForTasks {
  patientId: string;
  caseStart: string;
  caseEnd: string;
  /** Length in days (covered days). */
  days: number;
  doctorId: string | null;
  firstDayCertificate: boolean;
  /** A certificate of the patient is being written (utkast, klar för signering). */
  renewalInProgress: boolean;
  openKompletteringar: { id: string; receivedDate: string; lastAnswerDate: string | null }[];
  consents: { id: string; kind: string; validTo: string }[];
}

export interface PlannedTask {
  patientId: string;
  caseStart: string;
  kind: TaskKind;
  subject: string;
  dueDate: string;
  responsibleUserId: string | null;
  details: Record<string, string | number>;
}

export function planTasks(c: CaseForTasks, today: string): PlannedTask[] {
  const planned: PlannedTask[] = [];
  const add = (kind: TaskKind, dueDate: string, subject = "", details: PlannedTask["details"] = {}) =>
    planned.push({
      patientId: c.patientId,
      caseStart: c.caseStart,
      kind,
      subject,
      dueDate,
      responsibleUserId: toDoctor.has(kind) ? c.doctorId : null,
      details,
    });

  const catchUpFrom = addDays(today, -CATCH_UP_DAYS);
  for (const point of checkpoints({ start: c.caseStart }, { firstDayCertificate: c.firstDayCertificate })) {
    if (point.date > today || point.date > c.caseEnd || point.date < catchUpFrom) continue;
    add(checkpointKinds[point.kind], point.date, "", { day: point.day });
  }

  if (isLongerThan30Days(c)) {
    add("AKTUALISERA", addDays(c.caseStart, LONG_CASE_LIMIT_DAYS), "", { days: c.days });
  }

  if (c.caseEnd >= today && c.caseEnd <= addDays(today, ENDING_WITHIN_DAYS) && !c.renewalInProgress) {
    add("CERTIFICATE_ENDING", c.caseEnd, c.caseEnd, { end: c.caseEnd });
  }

  for (const k of c.openKompletteringar) {
    const due = k.lastAnswerDate ?? addDays(k.receivedDate, KOMPLETTERING_DAYS);
    if (due < today) add("KOMPLETTERING_OVERDUE", due, k.id, { receivedDate: k.receivedDate });
  }

  const consentUntil = addDays(today, CONSENT_WITHIN_DAYS);
  for (const consent of c.consents) {
    if (consent.validTo < today || consent.validTo > consentUntil) continue;
    const later = c.consents.some((o) => o.kind === consent.kind && o.validTo > consent.validTo);
    if (!later) add("CONSENT_EXPIRING", consent.validTo, consent.id, { consentKind: consent.kind });
  }
  return planned;
}

// ---- Ending a task ----

export type TaskAction =
  | { kind: "DONE"; note: string | null }
  | { kind: "NOT_RELEVANT"; reason: string }
  | { kind: "POSTPONE"; date: string; note: string | null };

export type TaskChange =
  | { ok: true; status: TaskStatus; reason: string | null; postponedTo: string | null; note: string | null }
  | { ok: false; code: string; message: string; path?: string };

const active = (status: TaskStatus) => status === "OPEN" || status === "POSTPONED";

/** Tasks that end by a decision recorded elsewhere, never by "Klar" alone. */
const endedByDecision: Partial<Record<TaskKind, string>> = {
  AKTUALISERA:
    "Uppgiften blir klar när ett aktualiseringsbeslut är sparat. Öppna patienten och besluta under Aktualisering.",
  UNDERLAG_REQUEST: "Uppgiften blir klar när underlaget är besvarat. Öppna begäran under Underlag och svara.",
};

/** What an action does to a task, or why it is refused (Swedish message). */
export function applyAction(
  status: TaskStatus,
  action: TaskAction,
  today: string,
  kind?: TaskKind,
): TaskChange {
  if (!active(status)) {
    return {
      ok: false,
      code: "TASK_CLOSED",
      message: `Uppgiften är redan ${taskStatuses[status].toLowerCase()}.`,
    };
  }
  const decisionNeeded = kind === undefined ? undefined : endedByDecision[kind];
  if (action.kind === "DONE" && decisionNeeded !== undefined) {
    return { ok: false, code: "DECISION_REQUIRED", message: decisionNeeded };
  }
  switch (action.kind) {
    case "DONE":
      return { ok: true, status: "DONE", reason: null, postponedTo: null, note: action.note };
    case "NOT_RELEVANT":
      if (action.reason.trim() === "") {
        return {
          ok: false,
          code: "BAD_REQUEST",
          message: "Ange varför uppgiften inte är aktuell.",
          path: "reason",
        };
      }
      return {
        ok: true,
        status: "NOT_RELEVANT",
        reason: action.reason.trim(),
        postponedTo: null,
        note: null,
      };
    case "POSTPONE":
      if (action.date <= today) {
        return {
          ok: false,
          code: "BAD_REQUEST",
          message: "Skjut upp till ett datum efter i dag.",
          path: "date",
        };
      }
      return { ok: true, status: "POSTPONED", reason: null, postponedTo: action.date, note: action.note };
  }
}

/** The date a task is due now: the postponed date when postponed. */
export function effectiveDue(task: {
  status: TaskStatus;
  dueDate: string;
  postponedTo: string | null;
}): string {
  return task.status === "POSTPONED" && task.postponedTo ? task.postponedTo : task.dueDate;
}

export function isOverdue(
  task: { status: TaskStatus; dueDate: string; postponedTo: string | null },
  today: string,
): boolean {
  return active(task.status) && effectiveDue(task) < today;
}
