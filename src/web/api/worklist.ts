/**
 * Pågående sjukfall data hooks: the unit list (filtered, sorted, paged on the server), the user's
 * saved columns, the unit's doctors for the filter, and the export download.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CoordinatorStatus, SortColumn, UnitListRow } from "../../worklist/rules.ts";
import type {
  CoordinatorStatusChange,
  CoordinatorStatusResult,
  SexCounts,
  UnitList,
  UnitListDoctors,
  UnitListPreferences,
} from "../../worklist/schema.ts";
import { request } from "./client.ts";
import { downloadFile } from "./download.ts";
import { keys } from "./keys.ts";

export type { CoordinatorStatus, SexCounts, SortColumn, UnitList, UnitListRow };

/** The query string of the list and the export: only set values, as the server reads them. */
export type UnitListQuery = Record<string, string>;

export function useUnitList(query: UnitListQuery, enabled = true) {
  return useQuery({
    queryKey: keys.unitList(query),
    queryFn: () => request<UnitList>("GET", "/api/sjukfall", { query }),
    // Paging and filtering keep the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    enabled,
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
    staleTime: 30_000,
  });
}

export function useWorklistPreferences() {
  return useQuery({
    queryKey: keys.worklistPreferences,
    queryFn: () => request<UnitListPreferences>("GET", "/api/sjukfall/preferences"),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export function useSaveWorklistColumns() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (columns: SortColumn[] | null) =>
      request<UnitListPreferences>("PUT", "/api/sjukfall/preferences", { body: { columns } }),
    onSuccess: (saved) => queryClient.setQueryData(keys.worklistPreferences, saved),
  });
}

export function useUnitDoctors(enabled: boolean) {
  return useQuery({
    queryKey: keys.unitDoctors,
    queryFn: async () => (await request<UnitListDoctors>("GET", "/api/sjukfall/doctors")).doctors,
    enabled,
    refetchOnWindowFocus: false,
    staleTime: 5 * 60_000,
  });
}

export type ExportFormat = "csv" | "xlsx" | "pdf";

/**
 * Downloads the export with the current filters. Fetched and saved from memory, so the filters
 * (which may hold a name typed in the free text) never land in the browser's history.
 */
export async function downloadUnitListExport(
  query: UnitListQuery,
  format: ExportFormat,
  hidePersonal = false,
): Promise<string> {
  const params = new URLSearchParams({ ...query, format, hidePersonal: String(hidePersonal) });
  return downloadFile("/api/sjukfall/export", params, `pagaende-sjukfall.${format}`);
}

/** The rehabkoordinator sets a case's status; the list is read again after (also after a 409). */
export function useSetCoordinatorStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patientId, ...change }: CoordinatorStatusChange & { patientId: string }) =>
      request<CoordinatorStatusResult>("PUT", `/api/sjukfall/${patientId}/koordinatorstatus`, {
        body: change,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["sjukfall", "list"] }),
  });
}
