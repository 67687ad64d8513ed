/** Import of ärenden that Försäkringskassan sent, from a file (the secretary's upload). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ArendeImportOutcome, ArendeImportReport } from "../../arenden/schema.ts";
import { request } from "./client.ts";

export type { ArendeImportOutcome, ArendeImportReport };

export function useImportArenden() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      request<ArendeImportReport>("POST", "/api/import/arenden", {
        rawBody: { text, contentType: "application/json" },
      }),
    // New ärenden show on patient pages and in the ärende lists.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["patients", "arenden"] }),
        queryClient.invalidateQueries({ queryKey: ["arenden"] }),
      ]),
  });
}
