/**
 * The plan form's draft: what the user types (dates as text, "" for none), to and from the API's
 * shapes, and the comparison a 409 shows (the shared rule, so it reads like the version list).
 */
import {
  comparePlans,
  type ActionStatus,
  type Party,
  type PlanContent,
  type PlanSnapshot,
} from "../../rehabplan/rules.ts";
import type { ContentInput, RehabPlan } from "../api/rehabplan.ts";

export interface ActionDraft {
  /** Absent for a new action (the server gives it an id). */
  id?: string;
  /** Stable key for the list while editing. */
  key: string;
  party: Party;
  description: string;
  responsibleName: string;
  responsibleUserId: string;
  startDate: string;
  followUpDate: string;
  status: ActionStatus;
}

export interface PlanDraft {
  goal: string;
  purpose: string;
  plannedEnd: string;
  patientWords: string;
  actions: ActionDraft[];
}

let nextKey = 0;

export function newAction(): ActionDraft {
  return {
    key: `ny-${++nextKey}`,
    party: "VARDEN",
    description: "",
    responsibleName: "",
    responsibleUserId: "",
    startDate: "",
    followUpDate: "",
    status: "PLANERAD",
  };
}

export function draftOf(plan: RehabPlan): PlanDraft {
  return {
    goal: plan.goal,
    purpose: plan.purpose,
    plannedEnd: plan.plannedEnd ?? "",
    patientWords: plan.patientWords,
    actions: plan.actions.map((a) => ({
      id: a.id,
      key: a.id,
      party: a.party,
      description: a.description,
      responsibleName: a.responsibleName,
      responsibleUserId: a.responsibleUserId ?? "",
      startDate: a.startDate ?? "",
      followUpDate: a.followUpDate ?? "",
      status: a.status,
    })),
  };
}

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

export function contentOf(draft: PlanDraft): ContentInput {
  return {
    goal: draft.goal,
    purpose: draft.purpose,
    plannedEnd: orNull(draft.plannedEnd),
    patientWords: draft.patientWords,
    actions: draft.actions.map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      party: a.party,
      description: a.description,
      responsibleName: a.responsibleName,
      responsibleUserId: orNull(a.responsibleUserId),
      startDate: orNull(a.startDate),
      followUpDate: orNull(a.followUpDate),
      status: a.status,
    })),
  };
}

function planContentOf(draft: PlanDraft): PlanContent {
  const content = contentOf(draft);
  return {
    goal: draft.goal.trim(),
    purpose: draft.purpose.trim(),
    plannedEnd: content.plannedEnd ?? null,
    patientWords: draft.patientWords.trim(),
    actions: draft.actions.map((a) => ({
      id: a.id ?? a.key,
      party: a.party,
      description: a.description.trim(),
      responsibleName: a.responsibleName.trim(),
      responsibleUserId: orNull(a.responsibleUserId),
      startDate: orNull(a.startDate),
      followUpDate: orNull(a.followUpDate),
      status: a.status,
    })),
  };
}

const snapshot = (plan: RehabPlan, content: PlanContent): PlanSnapshot => ({
  status: plan.status,
  content,
  anchoredDate: plan.anchoring?.date ?? null,
  anchoredMethod: plan.anchoring?.method ?? null,
});

/** What differs between the plan as saved now and the user's draft (for the 409 comparison). */
export function conflictRows(saved: RehabPlan, draft: PlanDraft, userName: (id: string) => string) {
  const changes = comparePlans(
    snapshot(saved, planContentOf(draftOf(saved))),
    snapshot(saved, planContentOf(draft)),
    userName,
  );
  return changes.map((c, i) => ({ field: `${i}`, label: c.label, saved: c.before, mine: c.after }));
}
