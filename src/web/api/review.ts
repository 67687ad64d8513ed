/** Genomgång (review session) and överlämning (handover) data hooks. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReviewMarkKind } from "../../review/rules.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export interface Person {
  id: string;
  name: string;
}

export interface ReviewMark {
  id: string;
  patientId: string;
  caseStart: string;
  caseEnd: string;
  mark: ReviewMarkKind;
  markLabel: string;
  visitDate: string | null;
  note: string;
  markedBy: string | null;
  markedAt: string;
  taskId: string | null;
  supersedesId: string | null;
}

export interface ReviewRow {
  patientId: string;
  personnummer: string;
  name: string;
  protectedIdentity: boolean;
  sex: string;
  diagnosis: string;
  diagnosisTitle: string | null;
  start: string;
  end: string;
  days: number;
  dayInCase: number;
  currentGrade: number | null;
  anchorCertificateId: string;
  doctorId: string | null;
  doctorName: string | null;
  handedOver: boolean;
  taskId: string | null;
  mark: ReviewMark | null;
  reviewed: boolean;
}

export interface Handover {
  id: string;
  fromDoctor: Person;
  toDoctor: Person;
  startDate: string;
  endDate: string;
  endedOn: string | null;
  lastDay: string;
  state: "PLANNED" | "ACTIVE" | "ENDED" | "WITHDRAWN";
  stateLabel: string;
  reason: string;
  recordedBy: string | null;
  recordedAt: string;
  endedBy: string | null;
  endedAt: string | null;
  version: number;
}

export interface Review {
  today: string;
  days: number;
  until: string;
  scope: "OWN" | "UNIT";
  doctor: Person | null;
  doctors: Person[];
  receiving: Handover[];
  renewalsInProgress: number;
  counts: { total: number; reviewed: number };
  rows: ReviewRow[];
}

/** doctorId "" = the server's default (the user, or the unit's first doctor). */
export function useReview(doctorId: string, days: number, enabled = true) {
  return useQuery({
    queryKey: keys.review(doctorId, days),
    queryFn: () =>
      request<Review>("GET", "/api/genomgang", { query: { doctorId: doctorId || undefined, days } }),
    enabled,
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export interface MarkInput {
  doctorId: string;
  patientId: string;
  caseEnd: string;
  mark: ReviewMarkKind;
  visitDate: string | null;
  note: string;
}

export function useMarkCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkInput) =>
      request<{ mark: ReviewMark; closedTask: { id: string; status: string } | null }>(
        "POST",
        "/api/genomgang/markeringar",
        { body: input },
      ),
    // Also on a conflict (a renewal since): the list then shows what is true now.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.allReviews });
      await queryClient.invalidateQueries({ queryKey: keys.allTasks });
    },
  });
}

export function useHandovers(enabled = true) {
  return useQuery({
    queryKey: keys.handovers,
    queryFn: () =>
      request<{ today: string; doctors: Person[]; handovers: Handover[] }>("GET", "/api/overlamningar"),
    enabled,
  });
}

export interface NewHandover {
  fromDoctorId: string;
  toDoctorId: string;
  startDate: string;
  endDate: string;
  reason: string;
}

export function useCreateHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewHandover) => request<Handover>("POST", "/api/overlamningar", { body: input }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.handovers });
      await queryClient.invalidateQueries({ queryKey: keys.allReviews });
    },
  });
}

export function useEndHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ handover, lastDay }: { handover: Handover; lastDay: string }) =>
      request<Handover>("POST", `/api/overlamningar/${encodeURIComponent(handover.id)}/avsluta`, {
        body: { version: handover.version, lastDay },
      }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.handovers });
      await queryClient.invalidateQueries({ queryKey: keys.allReviews });
    },
  });
}
