/** Annual report hooks: the chief's texts for a report period, saving them, and the PDF. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReportTexts, SaveReportTexts } from "../../annual-report/schema.ts";
import { request } from "./client.ts";
import { downloadFile } from "./download.ts";
import { keys } from "./keys.ts";

export type { ReportTexts, SaveReportTexts };

const path = (period: string) => `/api/statistik/arsrapport/${encodeURIComponent(period)}`;

export function useReportTexts(period: string) {
  return useQuery({
    queryKey: keys.annualReport(period),
    queryFn: () => request<ReportTexts>("GET", path(period)),
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useSaveReportTexts(period: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveReportTexts) => request<ReportTexts>("PUT", path(period), { body }),
    onSuccess: (saved) => client.setQueryData(keys.annualReport(period), saved),
  });
}

export function downloadAnnualReport(period: string) {
  return downloadFile(`${path(period)}/pdf`, new URLSearchParams(), `arsrapport-${period}.pdf`);
}
