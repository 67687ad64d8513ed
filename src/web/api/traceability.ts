/** Spårbarhet data hooks: the unit's cases over 30 days with what they lack, and the CSV export. */
import { useQuery } from "@tanstack/react-query";
import type { Gap, TeamStatus } from "../../traceability/rules.ts";
import type { TraceabilityList } from "../../traceability/schema.ts";
import { request } from "./client.ts";
import { downloadFile } from "./download.ts";
import { keys } from "./keys.ts";

export type { TraceabilityList, TraceabilityRow } from "../../traceability/schema.ts";

export interface TraceabilityFilter {
  gap: Gap | "";
  teamStatus: TeamStatus | "";
  all: boolean;
}

function queryOf(f: TraceabilityFilter): Record<string, string> {
  return {
    ...(f.gap ? { gap: f.gap } : {}),
    ...(f.teamStatus ? { teamStatus: f.teamStatus } : {}),
    all: String(f.all),
  };
}

export function useTraceability(filter: TraceabilityFilter) {
  const query = queryOf(filter);
  return useQuery({
    queryKey: keys.traceability(query),
    queryFn: () => request<TraceabilityList>("GET", "/api/sparbarhet", { query }),
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function downloadTraceability(filter: TraceabilityFilter): Promise<string> {
  return downloadFile(
    "/api/sparbarhet/export",
    new URLSearchParams({ ...queryOf(filter), format: "csv" }),
    "sparbarhet.csv",
  );
}
