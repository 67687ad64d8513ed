/**
 * The reference data the server loads once at start: ICD-10-SE and FMB (an imported FMB dump in the
 * database wins over the shipped one).
 */
import type { Queryable } from "../db/client.ts";
import type { Fmb } from "./fmb/fmb.ts";
import { loadFmb } from "./fmb/load.ts";
import type { Icd10 } from "./icd10/icd10.ts";
import { loadIcd10 } from "./icd10/load.ts";

/** The reference data request handlers, jobs and services consult. */
export interface ReferenceData {
  /** The ICD-10-SE title of a code (with or without dot); null when the code is unknown. */
  diagnosisTitle(code: string): string | null;
  /** ICD-10-SE lookup and typeahead. */
  icd10: Icd10;
  /** Försäkringsmedicinskt beslutsstöd: limits and guidance per diagnosis. */
  fmb: Fmb;
}

export interface Reference extends ReferenceData {
  /** Where the FMB came from. */
  fmbSource: "imported" | "shipped";
}

declare module "../server/env.ts" {
  interface AppDeps {
    /** Reference data (ICD-10-SE, FMB), loaded once. */
    reference: ReferenceData;
  }
}

export async function loadReference(database?: { db: Queryable }): Promise<Reference> {
  const icd10 = loadIcd10();
  const { fmb, source } = await loadFmb(database?.db);
  return {
    icd10,
    fmb,
    fmbSource: source,
    diagnosisTitle: (code) => icd10.lookup(code)?.title ?? null,
  };
}
