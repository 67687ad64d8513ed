/** One period of reduced work ability; ISO dates, both days included. */
export interface SjukfallPeriod {
  from: string;
  to: string;
  grade: number;
}

/**
 * A certificate in the command-line contract's format (`../shared/contracts/README.md`).
 * `signed` is a local Europe/Stockholm date-time ("2016-02-01T10:00:00"), a date, or an instant with
 * an offset ("2016-02-01T09:00:00Z", "…+01:00"); certificates are ordered by the instant
 * (`./signed.ts`), whatever form each one uses.
 */
export interface SjukfallCertificate {
  id: string;
  patient: string;
  unit: string;
  doctor?: string | null;
  signed: string;
  diagnosis?: string | null;
  periods: SjukfallPeriod[];
  smittbararpenning?: boolean;
  status?: "signed" | "revoked";
  replaces?: string | null;
  completes?: string | null;
}

/** A sick-leave case of one patient on one unit (PRODUCT §4). */
export interface Sjukfall {
  patient: string;
  unit: string;
  /** First and last day covered by the case's certificates (ISO dates). */
  start: string;
  end: string;
  /** Calendar days covered by at least one period ("längd"); overlaps once, gaps not counted. */
  days: number;
  /** Certificate ids in time order: by first day, then last day, then signing time, then id. */
  certificates: string[];
  /** Id of the anchor certificate (the case's fields "from the anchor" come from it). */
  anchor: string;
  /** Grade of the anchor's period covering today; null when no period of the anchor covers today. */
  currentGrade: number | null;
  /** Grades of all periods by first day, consecutive repeats collapsed: 100, 50, 100 → [100, 50, 100]. */
  grades: number[];
  /** The anchor's main diagnosis first, then the other distinct main diagnoses in time order. */
  diagnoses: string[];
  /** The anchor's doctor. */
  doctor: string | null;
}

export interface CaseOptions {
  /** ISO date the case is seen from. */
  today: string;
  /** Most empty days between certificates that still join them (0–90, default 5). */
  gap?: number;
  /** Days an ended case stays in the unit list (0–14, default 0). */
  afterEnd?: number;
}

export interface Checkpoint {
  /** Day in the case (the start is day 1). */
  day: number;
  date: string;
  kind: CheckpointKind;
}

export type CheckpointKind =
  | "certificate-required"
  | "fk-takes-over"
  | "rehab-coordinator"
  | "rehab-chain-90"
  | "rehab-chain-180"
  | "rehab-chain-365";
