/**
 * Pågående sjukfall, the unit list (PRODUCT §5.3): the row every screen, export and the task job
 * share, and the pure rules on it — filters, sorting, the counts split by sex, and the length
 * buckets. No I/O: the server builds rows (`./service.ts`), this module only reshapes them.
 */
import { linkedCase, type CaseLink, type LinkableCase } from "../cases/case-link.ts";
import { isLongerThan30Days } from "../cases/length.ts";
import type { RiskAssessment } from "./risk.ts";
import { teamStatusIds, type TeamStatus } from "../traceability/rules.ts";

export interface UnitListRow {
  patientId: string;
  /** ÅÅÅÅMMDD-NNNN. */
  personnummer: string;
  /** "Förnamn Efternamn", or the mask for a protected identity. */
  name: string;
  protectedIdentity: boolean;
  sex: "F" | "M";
  age: number;
  /** ONGOING: a certificate is active today; ENDED: ended at most afterEnd days ago. */
  status: UnitListStatus;
  start: string;
  end: string;
  /** Length: calendar days covered by a period (PRODUCT §4). */
  days: number;
  /** Dag i sjukfallet: the start is day 1. */
  dayInCase: number;
  certificateCount: number;
  anchorCertificateId: string;
  currentGrade: number | null;
  grades: number[];
  /** The anchor's main diagnosis (code without dot) and its ICD-10-SE title. */
  diagnosis: string;
  diagnosisTitle: string | null;
  diagnoses: string[];
  chapter: { id: string; title: string } | null;
  /** One of the seven diagnosis groups of the national sick-leave tools. */
  diagnosisGroup: string | null;
  /** Sysselsättning codes of the anchor certificate (NUVARANDE_ARBETE …). */
  sysselsattning: string[];
  doctorId: string | null;
  doctorName: string | null;
  /** Open ärenden from Försäkringskassan on the patient at the unit. */
  openArenden: number;
  fmbLimitDays: number | null;
  /** Strictly longer than the FMB recommendation (PRODUCT §3). */
  fmbExceeded: boolean;
  risk: RiskAssessment;
  /**
   * Where the case stands in the multimodal team (issue #9 item 4). Null in the cached unit-wide
   * rows: it changes with decisions, agendas and plans, which do not move the unit's data version,
   * so the list and the export add it per request (`../traceability/facts.ts`).
   */
  teamStatus: TeamStatus | null;
  /** The rehabkoordinator's status of the case; EJ_KONTAKTAD until set. */
  coordinatorStatus: CoordinatorStatus;
  /** How many times the status was set (0: never); a change names it, a stale one answers 409. */
  coordinatorStatusVersion: number;
}

/** The rehabkoordinator's status per case (issue #12), in the order the work goes. */
export const coordinatorStatuses = {
  EJ_KONTAKTAD: "Ej kontaktad",
  KONTAKTAD: "Kontaktad",
  AKTIV: "Aktiv",
  AVSLUTAD: "Avslutad",
} as const;
export type CoordinatorStatus = keyof typeof coordinatorStatuses;
export const coordinatorStatusIds = Object.keys(coordinatorStatuses) as [
  CoordinatorStatus,
  ...CoordinatorStatus[],
];

/** One saved status of a case: a new record with the next version supersedes the earlier ones. */
export interface CoordinatorStatusRecord extends CaseLink {
  status: CoordinatorStatus;
  version: number;
}

export interface CurrentCoordinatorStatus {
  status: CoordinatorStatus;
  version: number;
}

export const noCoordinatorStatus: CurrentCoordinatorStatus = { status: "EJ_KONTAKTAD", version: 0 };

/**
 * The current status of one of the patient's cases: the newest record (highest version) linked to
 * it among the patient's records; EJ_KONTAKTAD, version 0, when none is.
 */
export function coordinatorStatusOf<C extends LinkableCase>(
  target: C,
  cases: readonly C[],
  records: readonly CoordinatorStatusRecord[],
): CurrentCoordinatorStatus {
  let current = noCoordinatorStatus;
  for (const record of records) {
    if (record.version > current.version && linkedCase(cases, record) === target) {
      current = { status: record.status, version: record.version };
    }
  }
  return current;
}

export const unitListStatuses = { ONGOING: "Pågående", ENDED: "Avslutat" } as const;
export type UnitListStatus = keyof typeof unitListStatuses;

/** The length buckets of PRODUCT §5.3; several may be chosen at once (31–90 = 31–60 + 61–90). */
export const lengthBuckets = [
  { id: "0-14", min: 0, max: 14, label: "0–14 dagar" },
  { id: "15-30", min: 15, max: 30, label: "15–30 dagar" },
  { id: "31-60", min: 31, max: 60, label: "31–60 dagar" },
  { id: "61-90", min: 61, max: 90, label: "61–90 dagar" },
  { id: "91-180", min: 91, max: 180, label: "91–180 dagar" },
  { id: "181-365", min: 181, max: 365, label: "181–365 dagar" },
  { id: "366-730", min: 366, max: 730, label: "1–2 år" },
  { id: "731-", min: 731, max: Infinity, label: "Mer än 2 år" },
] as const;
export type LengthBucketId = (typeof lengthBuckets)[number]["id"];
export const lengthBucketIds = lengthBuckets.map((b) => b.id) as [LengthBucketId, ...LengthBucketId[]];

export function lengthBucketOf(days: number): LengthBucketId {
  return lengthBuckets.find((b) => days >= b.min && days <= b.max)!.id;
}

/** The score from which a case counts as "risk" in the filter (see `./risk.ts`). */
export const RISK_FILTER_SCORE = 2;

export interface UnitListFilter {
  /** Longer than 30 days (`isLongerThan30Days`: the length, not the day in the case). */
  over30?: boolean;
  /** Risk score at least RISK_FILTER_SCORE. */
  risk?: boolean;
  minRisk?: number;
  /** At least one open ärende. */
  openArenden?: boolean;
  length?: LengthBucketId[];
  minDays?: number;
  maxDays?: number;
  /** ICD-10 chapter id as in the chapter list ("F00-F99"). */
  chapter?: string;
  diagnosisGroup?: string;
  doctorId?: string;
  ageMin?: number;
  ageMax?: number;
  sex?: "F" | "M";
  endFrom?: string;
  endTo?: string;
  sysselsattning?: string;
  status?: UnitListStatus;
  fmbExceeded?: boolean;
  teamStatus?: TeamStatus;
  coordinatorStatus?: CoordinatorStatus;
  /** Free text: name (as shown), personnummer, diagnosis code or title, doctor's name. */
  q?: string;
}

const digitsOnly = (text: string) => text.replace(/\D/g, "");

function matchesText(row: UnitListRow, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return true;
  // A protected identity matches only on what is shown: its name is never searched.
  if (row.name.toLowerCase().includes(needle)) return true;
  const digits = digitsOnly(needle);
  if (digits.length >= 4 && digits.length === needle.replace(/[\s-]/g, "").length) {
    if (digitsOnly(row.personnummer).includes(digits)) return true;
  }
  const code = needle.replace(/\./g, "").toUpperCase();
  if (row.diagnoses.some((d) => d.startsWith(code))) return true;
  if (row.doctorName?.toLowerCase().includes(needle)) return true;
  return row.diagnosisTitle?.toLowerCase().includes(needle) ?? false;
}

/** Whether a row passes every given filter (absent filters pass). */
export function matchesFilter(row: UnitListRow, f: UnitListFilter): boolean {
  if (f.over30 && !isLongerThan30Days(row)) return false;
  if (f.risk && row.risk.score < RISK_FILTER_SCORE) return false;
  if (f.minRisk !== undefined && row.risk.score < f.minRisk) return false;
  if (f.openArenden && row.openArenden === 0) return false;
  if (f.length?.length && !f.length.includes(lengthBucketOf(row.days))) return false;
  if (f.minDays !== undefined && row.days < f.minDays) return false;
  if (f.maxDays !== undefined && row.days > f.maxDays) return false;
  if (f.chapter !== undefined && row.chapter?.id !== f.chapter) return false;
  if (f.diagnosisGroup !== undefined && row.diagnosisGroup !== f.diagnosisGroup) return false;
  if (f.doctorId !== undefined && row.doctorId !== f.doctorId) return false;
  if (f.ageMin !== undefined && row.age < f.ageMin) return false;
  if (f.ageMax !== undefined && row.age > f.ageMax) return false;
  if (f.sex !== undefined && row.sex !== f.sex) return false;
  if (f.endFrom !== undefined && row.end < f.endFrom) return false;
  if (f.endTo !== undefined && row.end > f.endTo) return false;
  if (f.sysselsattning !== undefined && !row.sysselsattning.includes(f.sysselsattning)) return false;
  if (f.status !== undefined && row.status !== f.status) return false;
  if (f.fmbExceeded !== undefined && row.fmbExceeded !== f.fmbExceeded) return false;
  if (f.teamStatus !== undefined && row.teamStatus !== f.teamStatus) return false;
  if (f.coordinatorStatus !== undefined && row.coordinatorStatus !== f.coordinatorStatus) return false;
  if (f.q !== undefined && !matchesText(row, f.q)) return false;
  return true;
}

export function filterRows(rows: readonly UnitListRow[], f: UnitListFilter): UnitListRow[] {
  return rows.filter((row) => matchesFilter(row, f));
}

export interface SexCounts {
  total: number;
  women: number;
  men: number;
}

/** Every figure split total / women / men (the seeds: "statistik uppdelat på män–kvinnor"). */
export function countBySex(rows: readonly { sex: "F" | "M" }[]): SexCounts {
  let women = 0;
  for (const row of rows) if (row.sex === "F") women++;
  return { total: rows.length, women, men: rows.length - women };
}

type SortValue = string | number | null;

/** The sortable columns (PRODUCT §5.3) and the value each sorts by. */
export const sortColumns = {
  status: (r) => r.status,
  personnummer: (r) => r.personnummer,
  age: (r) => r.age,
  // The shown name: a protected identity sorts as its mask, so its place reveals nothing.
  name: (r) => r.name.toLocaleLowerCase("sv"),
  sex: (r) => r.sex,
  diagnosis: (r) => r.diagnosis,
  sysselsattning: (r) => r.sysselsattning.join(","),
  start: (r) => r.start,
  end: (r) => r.end,
  days: (r) => r.days,
  dayInCase: (r) => r.dayInCase,
  certificateCount: (r) => r.certificateCount,
  grade: (r) => r.currentGrade,
  arenden: (r) => r.openArenden,
  risk: (r) => r.risk.score,
  doctor: (r) => r.doctorName?.toLocaleLowerCase("sv") ?? null,
  fmb: (r) => (r.fmbExceeded ? 1 : 0),
  teamStatus: (r) => (r.teamStatus === null ? null : teamStatusIds.indexOf(r.teamStatus)),
  coordinatorStatus: (r) => coordinatorStatusIds.indexOf(r.coordinatorStatus),
} satisfies Record<string, (row: UnitListRow) => SortValue>;
export type SortColumn = keyof typeof sortColumns;
export const sortColumnIds = Object.keys(sortColumns) as [SortColumn, ...SortColumn[]];

const collator = new Intl.Collator("sv");

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  // Missing values last whatever the direction is handled by the caller.
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Sorted by the column (nulls last in both directions), ties by personnummer so the order is
 * stable from one request to the next (paging).
 */
export function sortRows(
  rows: readonly UnitListRow[],
  column: SortColumn,
  order: "asc" | "desc",
): UnitListRow[] {
  const value = sortColumns[column] as (row: UnitListRow) => SortValue;
  const sign = order === "asc" ? 1 : -1;
  // Each row's value once (names are lower-cased per row, not per comparison).
  const keyed = rows.map((row) => ({ row, key: value(row) }));
  keyed.sort((x, y) => {
    const a = x.key;
    const b = y.key;
    if (a === null && b !== null) return 1;
    if (b === null && a !== null) return -1;
    const byValue = compareValues(a, b) * sign;
    if (byValue !== 0) return byValue;
    const p = x.row.personnummer;
    const q = y.row.personnummer;
    return p < q ? -1 : p > q ? 1 : 0;
  });
  return keyed.map((k) => k.row);
}
