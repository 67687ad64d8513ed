/** Underlag data hooks: a patient's requests, a profession's queue, asking and answering. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { answerUnderlagBody, createUnderlagBody, queueQuery, Underlag } from "../../underlag/schema.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export type { Underlag } from "../../underlag/schema.ts";
export type NewUnderlag = z.input<typeof createUnderlagBody>;
export type UnderlagAnswerInput = Omit<z.input<typeof answerUnderlagBody>, "version">;
export type QueueStatus = NonNullable<z.input<typeof queueQuery>["status"]>;

export function usePatientUnderlag(patientId: string, enabled = true) {
  return useQuery({
    queryKey: keys.patientUnderlag(patientId),
    queryFn: () =>
      request<{ underlag: Underlag[] }>("GET", `/api/patients/${encodeURIComponent(patientId)}/underlag`),
    enabled,
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

/** profession "" : the user's own profession (every profession for those who ask). */
export function useUnderlagQueue(profession: string, status: QueueStatus) {
  return useQuery({
    queryKey: keys.underlagQueue(profession, status),
    queryFn: () =>
      request<{ underlag: Underlag[] }>("GET", "/api/underlag", {
        query: profession ? { profession, status } : { status },
      }),
    refetchOnWindowFocus: false,
  });
}

export function useCreateUnderlag(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUnderlag) =>
      request<Underlag>("POST", `/api/patients/${encodeURIComponent(patientId)}/underlag`, { body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.allUnderlag }),
        queryClient.invalidateQueries({ queryKey: keys.allTasks }),
      ]),
  });
}

export function useAnswerUnderlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ underlag, answer }: { underlag: Underlag; answer: UnderlagAnswerInput }) =>
      request<Underlag>("POST", `/api/underlag/${encodeURIComponent(underlag.id)}/answer`, {
        body: { version: underlag.version, ...answer },
      }),
    // Also on a conflict: the list then shows what is saved now.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.allUnderlag }),
        queryClient.invalidateQueries({ queryKey: keys.allTasks }),
      ]),
  });
}
