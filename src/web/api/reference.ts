/** Reference data hooks: ICD-10-SE diagnoses (search and look-up) and FMB guidance. */
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { isApiError, request } from "./client.ts";
import type { Diagnosis, DiagnosisSearch, FmbAnswer } from "../../reference/schema.ts";
import { normalizeIcdCode } from "../../reference/icd10/codes.ts";
import { keys } from "./keys.ts";

// The API answers with the pure FMB module's own types.
export type { FmbGuidance, FmbTypfall } from "../../reference/fmb/fmb.ts";
export type { Diagnosis, FmbAnswer };

export const minDiagnosisSearchLength = 2;

/** Reference data changes with a release, not during a session. */
const referenceStaleTime = 60 * 60_000;

export function useDiagnosisSearch(term: string) {
  const q = term.trim();
  return useQuery({
    queryKey: keys.diagnosisSearch(q),
    queryFn: async () =>
      (
        await request<DiagnosisSearch>("GET", "/api/reference/diagnoses", {
          query: { q, limit: 15 },
        })
      ).diagnoses,
    enabled: q.length >= minDiagnosisSearchLength,
    placeholderData: keepPreviousData,
    staleTime: referenceStaleTime,
  });
}

/** A code as the reference API knows it: no dot, upper case (the ICD-10-SE module's rule). */
export const normalizeCode = normalizeIcdCode;

/** Looks up one code: the diagnosis, or null when the code does not exist. */
export async function fetchDiagnosis(code: string): Promise<Diagnosis | null> {
  try {
    return await request<Diagnosis>("GET", `/api/reference/diagnoses/${encodeURIComponent(code)}`);
  } catch (error) {
    if (isApiError(error, 404)) return null;
    throw error;
  }
}

/**
 * The codes' look-ups, as a map: a code maps to its diagnosis, to null when it does not exist, and
 * is absent while not known yet (the rules then skip the check).
 */
export function useDiagnosisLookups(codes: readonly string[]): Map<string, Diagnosis | null> {
  const unique = [...new Set(codes.map(normalizeCode).filter((c) => c.length >= 3 && c.length <= 7))];
  return useQueries({
    queries: unique.map((code) => ({
      queryKey: keys.diagnosis(code),
      queryFn: () => fetchDiagnosis(code),
      staleTime: referenceStaleTime,
      retry: false,
    })),
    combine: (results) => {
      const map = new Map<string, Diagnosis | null>();
      results.forEach((result, index) => {
        if (result.data !== undefined) map.set(unique[index]!, result.data);
      });
      return map;
    },
  });
}

export function useFmb(codes: readonly string[]) {
  const list = [...new Set(codes.map(normalizeCode).filter((c) => c.length >= 3))];
  const joined = list.join(",");
  return useQuery({
    queryKey: keys.fmb(joined),
    queryFn: () => request<FmbAnswer>("GET", "/api/reference/fmb", { query: { codes: joined } }),
    enabled: list.length > 0,
    staleTime: referenceStaleTime,
    placeholderData: keepPreviousData,
  });
}
