/** Ärende data hooks: the patient's ärenden, the doctor's own, register and answer. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AnswerKind, ArendeType } from "../../arenden/rules.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export interface ArendeEvent {
  at: string;
  user: string | null;
  event: string;
  note: string | null;
  certificateId: string | null;
}

export interface Arende {
  id: string;
  patientId: string;
  certificateId: string | null;
  type: ArendeType;
  typeLabel: string;
  receivedDate: string;
  lastAnswerDate: string | null;
  /** Days left to answer, negative when late; null without a deadline or when not open. */
  daysToDeadline: number | null;
  questionFields: { id: string; label: string }[];
  text: string;
  status: "OPEN" | "ANSWERED" | "CLOSED";
  statusLabel: string;
  answerKind: AnswerKind | null;
  answerText: string | null;
  answerCertificateId: string | null;
  answeredAt: string | null;
  version: number;
  history: ArendeEvent[];
}

export type ArendeListItem = Omit<Arende, "history"> & {
  patientName: string;
  personnummer: string;
  doctorName: string | null;
};

export interface NewArende {
  type: ArendeType;
  certificateId: string | null;
  receivedDate: string;
  lastAnswerDate: string | null;
  questionFields: string[];
  text: string;
}

export interface ArendeAnswer {
  version: number;
  kind: AnswerKind;
  text: string;
}

const patientArendenPath = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/arenden`;

export function usePatientArenden(patientId: string) {
  return useQuery({
    queryKey: keys.patientArenden(patientId),
    queryFn: async () => (await request<{ arenden: Arende[] }>("GET", patientArendenPath(patientId))).arenden,
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

/** Open ärenden on certificates the logged-in doctor signed, earliest last answer date first. */
export function useMyArenden(enabled = true) {
  return useQuery({
    queryKey: keys.myArenden,
    queryFn: async () =>
      (
        await request<{ arenden: ArendeListItem[] }>("GET", "/api/arenden", {
          query: { mine: "true", status: "OPEN" },
        })
      ).arenden,
    enabled,
    refetchOnWindowFocus: false,
  });
}

export function useRegisterArende(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (arende: NewArende) =>
      request<Arende>("POST", patientArendenPath(patientId), { body: arende }),
    onSuccess: () => invalidate(queryClient, patientId),
  });
}

export function useAnswerArende(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: ArendeAnswer }) =>
      request<Arende & { draftId: string | null }>("POST", `/api/arenden/${encodeURIComponent(id)}/answer`, {
        body: answer,
      }),
    onSettled: () => invalidate(queryClient, patientId),
  });
}

async function invalidate(queryClient: ReturnType<typeof useQueryClient>, patientId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.patientArenden(patientId) }),
    queryClient.invalidateQueries({ queryKey: keys.patientSjukfall(patientId) }),
    queryClient.invalidateQueries({ queryKey: keys.patientCertificates(patientId) }),
    queryClient.invalidateQueries({ queryKey: keys.myArenden }),
  ]);
}
