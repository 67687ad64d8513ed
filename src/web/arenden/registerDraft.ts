/** The "Registrera ärende" form's values and the checks made before sending (Swedish messages). */
import { arendeTypes, type ArendeType } from "../../arenden/rules.ts";
import type { NewArende } from "../api/arenden.ts";

export interface ArendeDraft {
  type: ArendeType | "";
  receivedDate: string;
  certificateId: string;
  questionFields: string[];
  text: string;
  lastAnswerDate: string;
}

export type DraftField = keyof ArendeDraft;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function emptyDraft(today: string): ArendeDraft {
  return {
    type: "KOMPLT",
    receivedDate: today,
    certificateId: "",
    questionFields: [],
    text: "",
    lastAnswerDate: "",
  };
}

/** Problems per field; empty when the draft may be sent. */
export function draftErrors(draft: ArendeDraft, today: string): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {};
  if (!draft.type || !(draft.type in arendeTypes)) errors.type = "Välj typ av ärende.";
  if (!isValidDate(draft.receivedDate.trim())) errors.receivedDate = "Ange mottagningsdatum som ÅÅÅÅ-MM-DD.";
  else if (draft.receivedDate.trim() > today)
    errors.receivedDate = "Mottagningsdatum kan inte vara i framtiden.";
  const last = draft.lastAnswerDate.trim();
  if (last && !isValidDate(last)) errors.lastAnswerDate = "Ange sista svarsdatum som ÅÅÅÅ-MM-DD.";
  else if (last && !errors.receivedDate && last < draft.receivedDate.trim()) {
    errors.lastAnswerDate = "Sista svarsdatum kan inte vara före mottagningsdatum.";
  }
  if (draft.type === "KOMPLT") {
    if (!draft.certificateId) errors.certificateId = "En komplettering gäller ett intyg: välj intyget.";
    if (draft.questionFields.length === 0) {
      errors.questionFields = "Ange vilka frågor i intyget kompletteringen gäller.";
    }
  }
  if (draft.text.length > 4000) errors.text = "Texten får vara högst 4000 tecken.";
  return errors;
}

export function toNewArende(draft: ArendeDraft): NewArende {
  return {
    type: draft.type as ArendeType,
    certificateId: draft.certificateId || null,
    receivedDate: draft.receivedDate.trim(),
    lastAnswerDate: draft.lastAnswerDate.trim() || null,
    questionFields: draft.questionFields,
    text: draft.text.trim(),
  };
}
