/** Överlämning (handover) data hooks: a change also changes whose cases the review shows. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Handover, Handovers, NewHandover } from "../../handover/schema.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export type { Handover, Handovers, NewHandover } from "../../handover/schema.ts";

export function useHandovers(enabled = true) {
  return useQuery({
    queryKey: keys.handovers,
    queryFn: () => request<Handovers>("GET", "/api/overlamningar"),
    enabled,
  });
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
