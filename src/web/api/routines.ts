/** Routine library hooks: the unit's library, one routine, saving, confirming and adopting. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateRoutine,
  RoutineDetail,
  RoutineLibrary,
  RoutineSummary,
  SaveRoutine,
} from "../../routines/schema.ts";
import { request } from "./client.ts";

export type { CreateRoutine, RoutineDetail, RoutineLibrary, RoutineSummary, SaveRoutine };

export const routineKeys = {
  library: ["rutiner", "bibliotek"] as const,
  routine: (id: string) => ["rutiner", id] as const,
  /** The substitutes' introduction follows the confirmations. */
  introduction: ["rutiner", "introduktion"] as const,
};

export function useRoutineLibrary() {
  return useQuery({
    queryKey: routineKeys.library,
    queryFn: () => request<RoutineLibrary>("GET", "/api/rutiner"),
  });
}

export function useRoutine(id: string) {
  return useQuery({
    queryKey: routineKeys.routine(id),
    queryFn: () => request<RoutineDetail>("GET", `/api/rutiner/${encodeURIComponent(id)}`),
    // The chief's look at who has confirmed is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

/** After any change: the routine as saved, and the library refetched. */
function useRoutineMutation<Input>(call: (input: Input) => Promise<RoutineDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (saved) => {
      client.setQueryData(routineKeys.routine(saved.id), saved);
      void client.invalidateQueries({ queryKey: routineKeys.library });
      void client.invalidateQueries({ queryKey: routineKeys.introduction });
    },
  });
}

export function useCreateRoutine() {
  return useRoutineMutation((body: CreateRoutine) =>
    request<RoutineDetail>("POST", "/api/rutiner", { body }),
  );
}

export function useSaveRoutine(id: string) {
  return useRoutineMutation((body: SaveRoutine) =>
    request<RoutineDetail>("PUT", `/api/rutiner/${encodeURIComponent(id)}`, { body }),
  );
}

export function useConfirmRoutine(id: string) {
  return useRoutineMutation((textVersion: number) =>
    request<RoutineDetail>("POST", `/api/rutiner/${encodeURIComponent(id)}/bekraftelse`, {
      body: { textVersion },
    }),
  );
}

export function useAdoptRoutine() {
  return useRoutineMutation(({ id, adopt }: { id: string; adopt: boolean }) =>
    request<RoutineDetail>(adopt ? "PUT" : "DELETE", `/api/rutiner/${encodeURIComponent(id)}/antagen`),
  );
}
