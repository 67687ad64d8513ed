/**
 * The sick-leave case the draft would belong to (PRODUCT §3, FMB): the draft as a signed,
 * counting certificate among the patient's other certificates on the unit, grouped by the
 * sjukfall engine (gap rule of §4, union of covered days, grade ignored).
 */
import { isIsoDate } from "../../cases/days.ts";
import { caseContaining, type SjukfallCertificate, type SjukfallPeriod } from "../../cases/engine.ts";
import { mainDiagnosisCode as mainCodeOf, parseContent, wellFormedPeriods as periodsOf } from "../content.ts";
import type { CertificateDraft } from "./draft.ts";

export interface CaseContext {
  today: string;
  /** The patient's other certificates on the same unit, contract sjukfall format. */
  history: SjukfallCertificate[];
  /** The unit's gap (its sjukfall settings, PRODUCT §3: "the sjukfall on the same unit"); default 5. */
  gap?: number;
  /** The certificate the draft replaces or completes (that one then no longer counts). */
  replaces?: string | null;
  completes?: string | null;
}

/** The draft's periods whose dates exist and are in order; grade 100 when no grade is chosen. */
export function wellFormedPeriods(draft: CertificateDraft): SjukfallPeriod[] {
  return periodsOf(parseContent(draft));
}

/** The draft's main diagnosis code, normalized; null when the first row has no well-formed code. */
export function mainDiagnosisCode(draft: CertificateDraft): string | null {
  return mainCodeOf(parseContent(draft));
}

const PLACEHOLDER_PATIENT = "patient";
const PLACEHOLDER_UNIT = "unit";

/**
 * Days of the case holding the draft, counted with the history; null for smittbärarpenning (it
 * does not count) or when the draft has no well-formed period yet.
 */
export function totalCaseDays(draft: CertificateDraft, ctx: CaseContext): number | null {
  if (draft.smittbararpenning === true || !isIsoDate(ctx.today)) return null;
  const periods = wellFormedPeriods(draft);
  if (periods.length === 0) return null;
  // The history is by definition the same patient on the same unit; one key keeps the grouping honest
  // whatever identifiers the caller used.
  const history = ctx.history.map((cert) => ({
    ...cert,
    patient: PLACEHOLDER_PATIENT,
    unit: PLACEHOLDER_UNIT,
  }));
  const ids = new Set(history.map((cert) => cert.id));
  let id = "draft";
  for (let n = 2; ids.has(id); n++) id = `draft-${n}`;
  const self: SjukfallCertificate = {
    id,
    patient: PLACEHOLDER_PATIENT,
    unit: PLACEHOLDER_UNIT,
    // Signed today, after everything else in the history: the newest certificate.
    signed: `${ctx.today}T23:59:59`,
    // The draft counts even before a diagnosis is entered: the length is about its days.
    diagnosis: mainDiagnosisCode(draft) ?? "R69",
    periods,
    smittbararpenning: false,
    status: "signed",
    replaces: ctx.replaces ?? null,
    completes: ctx.completes ?? null,
  };
  return caseContaining([...history, self], id, { gap: ctx.gap })?.days ?? null;
}
