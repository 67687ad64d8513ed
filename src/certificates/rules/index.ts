/**
 * FK 7804 (version 2) certificate rules (PRODUCT §3). Pure — no I/O, no clock — so the server,
 * the browser and the command line judge a draft the same way.
 */
export type {
  CertificateDraft,
  DraftDiagnosis,
  DraftGrund,
  DraftPeriod,
  DraftPrognos,
  DraftUnit,
  Grade,
  GrundType,
  PrognosType,
  SysselsattningType,
} from "./draft.ts";
export { grades, grundTypes, prognosTypes, sysselsattningTypes, normalizeCode } from "./draft.ts";
export { checkboxLabels, fieldLabels, grundLabels, prognosLabels, sysselsattningLabels } from "./labels.ts";
export { hiddenBySmittbararpenning, hiddenQuestions, withoutHiddenAnswers } from "./hidden.ts";
export { totalCaseDays, mainDiagnosisCode, type CaseContext } from "./case-length.ts";
export {
  validateCertificate,
  EARLY_START_DAYS,
  MAX_GRUND_ANNAT_LENGTH,
  MAX_TEXT_LENGTH,
  SHORT_CASE_DAYS,
  type RuleContext,
  type RuleResult,
  type WarningCode,
} from "./validate.ts";
