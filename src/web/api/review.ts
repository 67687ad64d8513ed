/** Genomgång (review session) data hooks. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MarkInput, MarkResult, Review } from "../../review/schema.ts";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export type { MarkInput, MarkResult, Person, Review, ReviewMark, ReviewRow } from "../../review/schema.ts";

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

export function useMarkCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkInput) =>
      request<MarkResult>("POST", "/api/genomgang/markeringar", { body: input }),
    // Also on a conflict (a renewal since): the list then shows what is true now.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.allReviews });
      await queryClient.invalidateQueries({ queryKey: keys.allTasks });
    },
  });
}
