/** Patient data hooks: search, one patient, register, change, access log. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";
import { keys } from "./keys.ts";
import type { AccessEvent, NewPatient, Patient, PatientChanges, PatientSearchResult } from "./types.ts";

export const minSearchLength = 2;

/** Searches when the term is long enough; the term stays in memory, never in the page URL. */
export function usePatientSearch(term: string) {
  const q = term.trim();
  return useQuery({
    queryKey: keys.patientSearch(q),
    queryFn: () => request<PatientSearchResult>("GET", "/api/patients", { query: { q, limit: 50 } }),
    enabled: q.length >= minSearchLength,
    placeholderData: keepPreviousData,
    // Every search is logged per patient shown: do not repeat it behind the user's back.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export function usePatient(id: string) {
  return useQuery({
    queryKey: keys.patient(id),
    queryFn: () => request<Patient>("GET", `/api/patients/${encodeURIComponent(id)}`),
    refetchOnWindowFocus: false,
  });
}

export function useAccessLog(id: string) {
  return useQuery({
    queryKey: keys.accessLog(id),
    queryFn: () =>
      request<{ events: AccessEvent[] }>("GET", `/api/patients/${encodeURIComponent(id)}/access-log`),
    refetchOnWindowFocus: false,
  });
}

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patient: NewPatient) => request<Patient>("POST", "/api/patients", { body: patient }),
    onSuccess: async (patient) => {
      queryClient.setQueryData(keys.patient(patient.id), patient);
      await queryClient.invalidateQueries({ queryKey: ["patients", "search"] });
    },
  });
}

export function useUpdatePatient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: PatientChanges) =>
      request<Patient>("PATCH", `/api/patients/${encodeURIComponent(id)}`, { body: changes }),
    onSuccess: async (patient) => {
      queryClient.setQueryData(keys.patient(id), patient);
      await queryClient.invalidateQueries({ queryKey: ["patients", "search"] });
      await queryClient.invalidateQueries({ queryKey: keys.accessLog(id) });
    },
  });
}
