/** Statistics data hooks: the figures for a period (and last year's), and their export. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { StatisticsResponse, UnitFigures } from "../../statistics/schema.ts";
import { request } from "./client.ts";
import { downloadFile } from "./download.ts";
import { keys } from "./keys.ts";

export type { StatisticsResponse, UnitFigures };
export type PeriodKind = StatisticsResponse["by"];

export interface StatisticsQuery {
  from: string;
  to: string;
  by: PeriodKind;
}

const asParams = (query: StatisticsQuery) => ({ from: query.from, to: query.to, by: query.by });

export function useStatistics(query: StatisticsQuery, enabled = true) {
  return useQuery({
    queryKey: keys.statistics(asParams(query)),
    queryFn: () => request<StatisticsResponse>("GET", "/api/statistik", { query: asParams(query) }),
    placeholderData: keepPreviousData,
    enabled,
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
    staleTime: 5 * 60_000,
  });
}

export type StatisticsExportFormat = "csv" | "xlsx";

export function downloadStatisticsExport(query: StatisticsQuery, format: StatisticsExportFormat) {
  const params = new URLSearchParams({ ...asParams(query), format });
  return downloadFile("/api/statistik/export", params, `statistik.${format}`);
}
