/** Deviation hooks: the list, one deviation, reporting, investigating, actions and statistics. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AddAction,
  CreateDeviation,
  DeviationDetail,
  DeviationList,
  DeviationStatistics,
  UpdateDeviation,
} from "../../deviations/schema.ts";
import { isApiError, request } from "./client.ts";

export type {
  AddAction,
  CreateDeviation,
  DeviationDetail,
  DeviationList,
  DeviationStatistics,
  UpdateDeviation,
};

const deviationKeys = {
  list: ["avvikelser", "lista"] as const,
  one: (id: string) => ["avvikelser", id] as const,
  statistics: (from: string, to: string) => ["avvikelser", "statistik", from, to] as const,
};
const path = (id: string) => `/api/avvikelser/${encodeURIComponent(id)}`;

export function useDeviations() {
  return useQuery({
    queryKey: deviationKeys.list,
    queryFn: () => request<DeviationList>("GET", "/api/avvikelser"),
  });
}

export function useDeviation(id: string) {
  return useQuery({
    queryKey: deviationKeys.one(id),
    queryFn: () => request<DeviationDetail>("GET", path(id)),
    // Every read of a deviation about a patient is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useDeviationStatistics(from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: deviationKeys.statistics(from, to),
    queryFn: () =>
      request<DeviationStatistics>("GET", `/api/avvikelser/statistik?${new URLSearchParams({ from, to })}`),
    enabled,
  });
}

/** After a change: the deviation as saved, and the list refetched. */
function useDeviationMutation<Input>(call: (input: Input) => Promise<DeviationDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (saved) => {
      client.setQueryData(deviationKeys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: deviationKeys.list });
    },
    // A stale change: the page shows what is saved now, and the next save starts from it.
    onError: (error) => {
      if (isApiError(error, 409)) {
        const current = error.current as DeviationDetail;
        client.setQueryData(deviationKeys.one(current.id), current);
      }
    },
  });
}

export function useReportDeviation() {
  return useDeviationMutation((body: CreateDeviation) =>
    request<DeviationDetail>("POST", "/api/avvikelser", { body }),
  );
}

export function useUpdateDeviation(id: string) {
  return useDeviationMutation((body: UpdateDeviation) => request<DeviationDetail>("PUT", path(id), { body }));
}

export function useAddAction(id: string) {
  return useDeviationMutation((body: AddAction) =>
    request<DeviationDetail>("POST", `${path(id)}/atgarder`, { body }),
  );
}

export function useCompleteAction(id: string) {
  return useDeviationMutation(({ actionId, version }: { actionId: string; version: number }) =>
    request<DeviationDetail>("POST", `${path(id)}/atgarder/${encodeURIComponent(actionId)}/klar`, {
      body: { version },
    }),
  );
}
