/**
 * The FK 7804 (version 2) certificate draft as the command-line contract and the API carry it
 * (`../shared/contracts/README.md`): every key may be null or absent while the draft is being written.
 * The rules read it defensively — a draft comes from outside, so any key may hold anything.
 */

export const grundTypes = [
  "FYSISK_UNDERSOKNING",
  "DIGITAL_UNDERSOKNING",
  "TELEFONKONTAKT",
  "JOURNALUPPGIFTER",
  "ANNAT",
] as const;
export type GrundType = (typeof grundTypes)[number];

export const sysselsattningTypes = ["NUVARANDE_ARBETE", "ARBETSSOKANDE", "FORALDRALEDIG", "STUDIER"] as const;
export type SysselsattningType = (typeof sysselsattningTypes)[number];

export const prognosTypes = [
  "STOR_SANNOLIKHET",
  "ATER_X_ANTAL_MANADER",
  "SANNOLIKT_INTE",
  "PROGNOS_OKLAR",
] as const;
export type PrognosType = (typeof prognosTypes)[number];

export const grades = [25, 50, 75, 100] as const;
export type Grade = (typeof grades)[number];

export interface DraftGrund {
  typ?: GrundType | null;
  datum?: string | null;
}

export interface DraftDiagnosis {
  /** ICD-10-SE code, with or without the dot. */
  kod?: string | null;
  text?: string | null;
}

export interface DraftPeriod {
  grad?: Grade | null;
  from?: string | null;
  tom?: string | null;
}

export interface DraftPrognos {
  typ?: PrognosType | null;
  manader?: number | null;
  motivering?: string | null;
}

export interface DraftUnit {
  namn?: string | null;
  postadress?: string | null;
  postnummer?: string | null;
  postort?: string | null;
  telefon?: string | null;
}

/** The draft; FK question ids in the comments. */
export interface CertificateDraft {
  /** 27 */
  smittbararpenning?: boolean | null;
  /** 1 */
  grund?: DraftGrund[] | null;
  /** 1.3 */
  grundAnnat?: string | null;
  /** 28 */
  sysselsattning?: SysselsattningType[] | null;
  /** 29 */
  yrke?: string | null;
  /** 6 */
  diagnoser?: DraftDiagnosis[] | null;
  /** 35 */
  funktionsnedsattning?: string | null;
  /** 17 */
  aktivitetsbegransning?: string | null;
  /** 19 */
  behandling?: string | null;
  /** 32 */
  perioder?: DraftPeriod[] | null;
  /** 37 */
  fmbMotivering?: string | null;
  /** 34 */
  transport?: boolean | null;
  /** 33 */
  arbetstidsforlaggning?: boolean | null;
  /** 33.2 */
  arbetstidsforlaggningMotivering?: string | null;
  /** 39, 39.4, 39.2 */
  prognos?: DraftPrognos | null;
  /** 44 */
  atgarder?: string | null;
  /** 25 */
  ovrigt?: string | null;
  /** 26 */
  kontaktFk?: boolean | null;
  /** 26.2 */
  kontaktFkAnledning?: string | null;
  /** The issuing unit's contact data. */
  enhet?: DraftUnit | null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Absent, null, or a text of only whitespace: not answered. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

export function isOneOf<T extends string | number>(options: readonly T[], value: unknown): value is T {
  return (options as readonly unknown[]).includes(value);
}

// One code normalization and shape for the whole product: the ICD-10-SE module's (pure).
export {
  hasIcdCodeShape as hasCodeShape,
  normalizeIcdCode as normalizeCode,
} from "../../reference/icd10/codes.ts";
