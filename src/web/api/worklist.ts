/**
 * Pågående sjukfall data hooks: the unit list (filtered, sorted, paged on the server), the user's
 * saved columns, the unit's doctors for the filter, and the export download.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SortColumn, UnitListRow } from "../../worklist/rules.ts";
import type { SexCounts, UnitList, UnitListDoctors, UnitListPreferences } from "../../worklist/schema.ts";
import { ApiError, request } from "./client.ts";
import { keys } from "./keys.ts";

export type { SexCounts, SortColumn, UnitList, UnitListRow };

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

const texts = {
  network: "Det gick inte att nå servern. Kontrollera anslutningen och försök igen.",
  failed: "Exporten misslyckades. Försök igen.",
};

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
  let response: Response;
  try {
    response = await fetch(`/api/sjukfall/export?${params.toString()}`, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", texts.network);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(response.status, "EXPORT", body?.error?.message ?? texts.failed);
  }
  const blob = await response.blob();
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `pagaende-sjukfall.${format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}
