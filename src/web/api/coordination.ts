/**
 * Coordination data hooks (Lag 2019:1297): consents, aktualisering decisions, kartläggande samtal,
 * koordineringsinsatser, samverkansmöten and the coordination log of one patient.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type {
  Aktualisering,
  Consent,
  Consents,
  CoordinationLog,
  Decision,
  Measure,
  Meeting,
  NewConsent,
  NewDecision,
  NewMeasure,
  NewMeeting,
  Samtal,
  SamtalFields,
} from "../../coordination/schema.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export type {
  Aktualisering,
  AktualiseringCase,
  Consent,
  Consents,
  ConsentStatus,
  CoordinationLog,
  Decision,
  LogEvent,
  Measure,
  Meeting,
  NewConsent,
  NewDecision,
  NewMeasure,
  NewMeeting,
  Participant,
  Samtal,
  SamtalFields,
  UserRef,
} from "../../coordination/schema.ts";

const patientPath = (patientId: string, rest: string) =>
  `/api/patients/${encodeURIComponent(patientId)}/${rest}`;
const samtalPath = (id: string) => `/api/kartlaggande-samtal/${encodeURIComponent(id)}`;

// Every read is logged: no refetch behind the user's back.
const readOptions = { refetchOnWindowFocus: false } as const;

export function useConsents(patientId: string) {
  return useQuery({
    queryKey: keys.consents(patientId),
    queryFn: () => request<Consents>("GET", patientPath(patientId, "samtycken")),
    ...readOptions,
  });
}

export function useAktualisering(patientId: string) {
  return useQuery({
    queryKey: keys.aktualisering(patientId),
    queryFn: () => request<Aktualisering>("GET", patientPath(patientId, "aktualisering")),
    ...readOptions,
  });
}

export function useSamtalList(patientId: string) {
  return useQuery({
    queryKey: keys.samtalList(patientId),
    queryFn: async () =>
      (await request<{ samtal: Samtal[] }>("GET", patientPath(patientId, "kartlaggande-samtal"))).samtal,
    ...readOptions,
  });
}

export function useSamtal(id: string) {
  return useQuery({
    queryKey: keys.samtal(id),
    queryFn: () => request<Samtal>("GET", samtalPath(id)),
    ...readOptions,
  });
}

export function useCoordinationLog(patientId: string) {
  return useQuery({
    queryKey: keys.coordinationLog(patientId),
    queryFn: () => request<CoordinationLog>("GET", patientPath(patientId, "koordinering")),
    ...readOptions,
  });
}

/** After any change: everything shown about the patient's coordination is read again. */
export function invalidateCoordination(queryClient: QueryClient, patientId: string) {
  // A decision also closes the case's aktualisering task on the server.
  void queryClient.invalidateQueries({ queryKey: keys.allTasks });
  return queryClient.invalidateQueries({ queryKey: keys.coordination(patientId) });
}

function useCoordinationMutation<Variables, Result>(
  patientId: string,
  mutationFn: (variables: Variables) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Also after a failure: a 409 means what is shown is stale.
    onSettled: () => invalidateCoordination(queryClient, patientId),
  });
}

export function useRecordConsent(patientId: string) {
  return useCoordinationMutation(patientId, (consent: NewConsent) =>
    request<Consent>("POST", patientPath(patientId, "samtycken"), { body: consent }),
  );
}

export function useWithdrawConsent(patientId: string) {
  return useCoordinationMutation(
    patientId,
    ({ id, ...body }: { id: string; version: number; withdrawnDate: string; note: string }) =>
      request<Consent>("POST", `/api/samtycken/${encodeURIComponent(id)}/withdraw`, { body }),
  );
}

export function useDecide(patientId: string) {
  return useCoordinationMutation(patientId, (decision: NewDecision) =>
    request<Decision>("POST", patientPath(patientId, "aktualisering"), { body: decision }),
  );
}

export function useCreateSamtal(patientId: string) {
  return useCoordinationMutation(patientId, (fields: SamtalFields) =>
    request<Samtal>("POST", patientPath(patientId, "kartlaggande-samtal"), { body: fields }),
  );
}

export function saveSamtal(id: string, version: number, fields: SamtalFields) {
  return request<Samtal>("PUT", samtalPath(id), { body: { version, ...fields } });
}

export function completeSamtal(id: string, version: number) {
  return request<Samtal & { decisionId: string | null }>("POST", `${samtalPath(id)}/complete`, {
    body: { version },
  });
}

export function useRecordMeasure(patientId: string) {
  return useCoordinationMutation(patientId, (measure: NewMeasure) =>
    request<Measure>("POST", patientPath(patientId, "koordineringsinsatser"), { body: measure }),
  );
}

export function useRecordMeeting(patientId: string) {
  return useCoordinationMutation(patientId, (meeting: NewMeeting) =>
    request<Meeting>("POST", patientPath(patientId, "samverkansmoten"), { body: meeting }),
  );
}
