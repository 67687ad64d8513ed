/**
 * The kartläggande samtal form's values: everything as typed text, what a save sends (only the
 * fields that changed, and a date only once it is a whole date), and what differs between two
 * versions when someone else saved meanwhile.
 */
import {
  samtalAreas,
  samtalOutcomes,
  type SamtalArea,
  type SamtalContent,
  type SamtalOutcome,
} from "../../coordination/rules.ts";
import type { Samtal, SamtalFields } from "../api/coordination.ts";
import { isValidDate } from "./checks.ts";

export type SamtalDraft = Record<SamtalArea, string> & {
  samtalDate: string;
  caseStart: string;
  outcome: SamtalOutcome | "";
  outcomeReason: string;
  nextStep: string;
  nextStepDate: string;
};

export type SamtalField = keyof SamtalDraft;

export const areaIds = Object.keys(samtalAreas) as SamtalArea[];

export const fieldLabels: Record<SamtalField, string> = {
  samtalDate: "Datum för samtalet",
  caseStart: "Sjukfall som samtalet gäller",
  ...samtalAreas,
  outcome: "Vad samtalet ledde till",
  outcomeReason: "Motivering",
  nextStep: "Nästa steg",
  nextStepDate: "Datum för nästa steg",
};

export const samtalFieldIds = Object.keys(fieldLabels) as SamtalField[];

export function draftOf(samtal: Samtal): SamtalDraft {
  return {
    samtalDate: samtal.samtalDate,
    caseStart: samtal.caseStart ?? "",
    workSituation: samtal.workSituation,
    health: samtal.health,
    socialSituation: samtal.socialSituation,
    ownGoals: samtal.ownGoals,
    obstacles: samtal.obstacles,
    coordinationNeed: samtal.coordinationNeed,
    outcome: samtal.outcome ?? "",
    outcomeReason: samtal.outcomeReason,
    nextStep: samtal.nextStep,
    nextStepDate: samtal.nextStepDate ?? "",
  };
}

/** A typed date the server can take: a whole date, or (where allowed) empty for none. */
function dateValue(text: string, nullable: boolean): string | null | undefined {
  const value = text.trim();
  if (!value) return nullable ? null : undefined;
  return isValidDate(value) ? value : undefined;
}

/** What a save sends: the fields that differ from `saved` and that can be sent as they are. */
export function changedFields(draft: SamtalDraft, saved: SamtalDraft): SamtalFields {
  const fields: SamtalFields = {};
  for (const area of areaIds) if (draft[area] !== saved[area]) fields[area] = draft[area];
  if (draft.outcomeReason !== saved.outcomeReason) fields.outcomeReason = draft.outcomeReason;
  if (draft.nextStep !== saved.nextStep) fields.nextStep = draft.nextStep;
  if (draft.outcome !== saved.outcome) fields.outcome = draft.outcome || null;
  if (draft.caseStart !== saved.caseStart) fields.caseStart = draft.caseStart || null;
  if (draft.samtalDate !== saved.samtalDate) {
    const date = dateValue(draft.samtalDate, false);
    if (typeof date === "string") fields.samtalDate = date;
  }
  if (draft.nextStepDate !== saved.nextStepDate) {
    const date = dateValue(draft.nextStepDate, true);
    if (date !== undefined) fields.nextStepDate = date;
  }
  return fields;
}

/** The draft as `saved` becomes once `fields` are saved on top of it. */
export function applyFields(saved: SamtalDraft, fields: SamtalFields): SamtalDraft {
  const next = { ...saved };
  for (const [key, value] of Object.entries(fields) as [SamtalField, string | null][]) {
    (next as Record<string, string>)[key] = value ?? "";
  }
  return next;
}

/** Dates typed that are not whole dates yet (they are not saved until they are). */
export function dateErrors(draft: SamtalDraft): Partial<Record<SamtalField, string>> {
  const errors: Partial<Record<SamtalField, string>> = {};
  if (!isValidDate(draft.samtalDate.trim())) errors.samtalDate = "Ange datum för samtalet som ÅÅÅÅ-MM-DD.";
  const next = draft.nextStepDate.trim();
  if (next && !isValidDate(next)) errors.nextStepDate = "Ange datum för nästa steg som ÅÅÅÅ-MM-DD.";
  return errors;
}

/** The draft as the completion rules read it. */
export function contentOf(draft: SamtalDraft): SamtalContent {
  return {
    samtalDate: draft.samtalDate.trim(),
    caseStart: draft.caseStart || null,
    workSituation: draft.workSituation,
    health: draft.health,
    socialSituation: draft.socialSituation,
    ownGoals: draft.ownGoals,
    obstacles: draft.obstacles,
    coordinationNeed: draft.coordinationNeed,
    outcome: draft.outcome || null,
    outcomeReason: draft.outcomeReason,
    nextStep: draft.nextStep,
    nextStepDate: draft.nextStepDate.trim() || null,
  };
}

export interface Difference {
  field: SamtalField;
  label: string;
  saved: string;
  mine: string;
}

function shown(field: SamtalField, value: string): string {
  if (!value) return "–";
  if (field === "outcome") return samtalOutcomes[value as SamtalOutcome] ?? value;
  return value;
}

/** The fields where what is saved now differs from what the user has in the form. */
export function differences(saved: SamtalDraft, mine: SamtalDraft): Difference[] {
  return samtalFieldIds
    .filter((field) => saved[field].trim() !== mine[field].trim())
    .map((field) => ({
      field,
      label: fieldLabels[field],
      saved: shown(field, saved[field]),
      mine: shown(field, mine[field]),
    }));
}
