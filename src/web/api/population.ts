/** Import of the unit's listed population (the chief's upload of the listing system's CSV). */
import { useMutation } from "@tanstack/react-query";
import type { PopulationImportReportBody } from "../../population/schema.ts";
import { request } from "./client.ts";

export type PopulationImportReport = PopulationImportReportBody;
export type MonthOutcome = PopulationImportReport["months"][number]["outcome"];

export function useImportPopulation() {
  return useMutation({
    mutationFn: (text: string) =>
      request<PopulationImportReport>("POST", "/api/import/listning", {
        rawBody: { text, contentType: "text/csv" },
      }),
  });
}
