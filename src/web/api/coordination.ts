/**
 * Coordination data hooks (Lag 2019:1297): consents, aktualisering decisions, kartläggande samtal,
 * koordineringsinsatser, samverkansmöten and the coordination log of one patient.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type {
  AktualiseringDecision,
  ConsentKind,
  ConsentMethod,
  ConsentState,
  Counterpart,
  MeasureType,
  MeetingKind,
  ParticipantParty,
  SamtalArea,
  SamtalOutcome,
  SamtalStatus,
} from "../../coordination/rules.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export interface UserRef {
  id: string;
  name: string | null;
}

export interface Consent {
  id: string;
  kind: ConsentKind;
  kindLabel: string;
  obtainedBy: UserRef;
  obtainedDate: string;
  method: ConsentMethod;
  methodLabel: string;
  scope: string;
  validTo: string;
  withdrawal: { date: string; note: string; by: UserRef; at: string } | null;
  version: number;
  recordedAt: string;
}

export interface ConsentStatus {
  kind: ConsentKind;
  kindLabel: string;
  state: ConsentState;
  stateLabel: string;
  consentId: string | null;
  validTo: string | null;
  daysLeft: number | null;
}

export interface Consents {
  today: string;
  states: ConsentStatus[];
  consents: Consent[];
}

export interface NewConsent {
  kind: ConsentKind;
  obtainedDate: string;
  method: ConsentMethod;
  scope: string;
  validTo: string | null;
}

export interface Decision {
  id: string;
  caseStart: string;
  decision: AktualiseringDecision;
  decisionLabel: string;
  reason: string;
  decidedDate: string;
  decidedBy: UserRef;
  supersedesId: string | null;
  samtalId: string | null;
  current: boolean;
  recordedAt: string;
}

export interface AktualiseringCase {
  start: string;
  end: string;
  days: number;
  dayInCase: number;
  ongoing: boolean;
  longerThan30Days: boolean;
  needsDecision: boolean;
  current: Decision | null;
  history: Decision[];
}

export interface Aktualisering {
  today: string;
  cases: AktualiseringCase[];
  otherDecisions: Decision[];
}

export interface NewDecision {
  caseStart: string;
  decision: AktualiseringDecision;
  decidedDate: string;
  reason: string;
  supersedesId: string | null;
}

export type Samtal = Record<SamtalArea, string> & {
  id: string;
  status: SamtalStatus;
  statusLabel: string;
  caseStart: string | null;
  samtalDate: string;
  heldBy: UserRef;
  outcome: SamtalOutcome | null;
  outcomeLabel: string | null;
  outcomeReason: string;
  nextStep: string;
  nextStepDate: string | null;
  completedAt: string | null;
  completedBy: UserRef | null;
  version: number;
  recordedAt: string;
};

/** The editable fields of a samtal; a save sends the ones it changes. */
export type SamtalFields = Partial<
  Record<SamtalArea, string> & {
    caseStart: string | null;
    samtalDate: string;
    outcome: SamtalOutcome | null;
    outcomeReason: string;
    nextStep: string;
    nextStepDate: string | null;
  }
>;

export interface Measure {
  id: string;
  type: MeasureType;
  typeLabel: string;
  date: string;
  performedBy: UserRef;
  counterpart: Counterpart | null;
  counterpartLabel: string | null;
  counterpartOther: string;
  note: string;
  recordedAt: string;
}

export interface NewMeasure {
  type: MeasureType;
  date: string;
  counterpart: Counterpart | null;
  counterpartOther: string;
  note: string;
}

export interface Participant {
  name: string;
  role: string;
  party: ParticipantParty;
}

export interface Meeting {
  id: string;
  kind: MeetingKind;
  kindLabel: string;
  date: string;
  participants: (Participant & { partyLabel: string })[];
  notes: string;
  followUpDate: string | null;
  recordedBy: UserRef;
  recordedAt: string;
}

export interface NewMeeting {
  kind: MeetingKind;
  date: string;
  participants: Participant[];
  notes: string;
  followUpDate: string | null;
}

interface EventBase {
  date: string;
  recordedAt: string;
  label: string;
}

export type LogEvent =
  | (EventBase & { type: "SAMTYCKE" | "SAMTYCKE_ATERKALLAT" | "SAMTYCKE_UTGANGET"; consent: Consent })
  | (EventBase & { type: "AKTUALISERING"; decision: Decision })
  | (EventBase & { type: "KARTLAGGANDE_SAMTAL"; samtal: Samtal })
  | (EventBase & { type: "KOORDINERINGSINSATS"; measure: Measure })
  | (EventBase & { type: "MOTE"; meeting: Meeting });

export interface CoordinationLog {
  today: string;
  consent: ConsentStatus[];
  events: LogEvent[];
}

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
