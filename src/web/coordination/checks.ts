/**
 * Live checks in the browser with the same pure rules the server runs: which consent a step needs
 * and whether the patient has it, and dates typed as ÅÅÅÅ-MM-DD.
 */
import {
  consentRefusal,
  type ConsentKind,
  type ConsentRecord,
  type ConsentRefusal,
  type Issue,
} from "../../coordination/rules.ts";
import type { Consent } from "../api/coordination.ts";

export { isValidDate } from "../arenden/registerDraft.ts";

/** The API's consents in the shape the rules read. */
export function consentRecords(consents: readonly Consent[]): ConsentRecord[] {
  return consents.map((c) => ({
    kind: c.kind,
    obtainedDate: c.obtainedDate,
    validTo: c.validTo,
    withdrawnDate: c.withdrawal?.date ?? null,
    createdAt: c.recordedAt,
  }));
}

/**
 * Why the step would be refused for lack of consent on `date`, or null. Without the consents
 * loaded (or with an unusable date) nothing is said: the server decides anyway.
 */
export function missingConsent(
  consents: readonly Consent[] | undefined,
  kinds: readonly ConsentKind[],
  date: string,
): ConsentRefusal | null {
  if (!consents || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return consentRefusal(consentRecords(consents), kinds, date);
}

/** Issues of the rules as messages per form field (the first message of each field). */
export function issuesByField<Field extends string>(
  issues: readonly Issue[],
): Partial<Record<Field, string>> {
  const result: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = issue.path as Field;
    result[field] ??= issue.message;
  }
  return result;
}
