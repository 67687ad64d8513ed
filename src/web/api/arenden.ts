/** Ärende data hooks: the patient's ärenden, the doctor's own, register and answer. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AnsweredArende,
  Arende,
  ArendeAnswer,
  ArendeEvent,
  ArendeList,
  ArendeListItem,
  Arenden,
  NewArende,
} from "../../arenden/schema.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export type { AnsweredArende, Arende, ArendeAnswer, ArendeEvent, ArendeListItem, NewArende };

const patientArendenPath = (patientId: string) => `/api/patients/${encodeURIComponent(patientId)}/arenden`;

export function usePatientArenden(patientId: string) {
  return useQuery({
    queryKey: keys.patientArenden(patientId),
    queryFn: async () => (await request<Arenden>("GET", patientArendenPath(patientId))).arenden,
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
        await request<ArendeList>("GET", "/api/arenden", {
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
      request<AnsweredArende>("POST", `/api/arenden/${encodeURIComponent(id)}/answer`, {
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
