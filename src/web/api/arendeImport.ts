/** Import of ärenden that Försäkringskassan sent, from a file (the secretary's upload). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";

export type ArendeImportOutcome = "CREATED" | "ALREADY_IMPORTED" | "REJECTED";

export interface ArendeImportReport {
  created: number;
  alreadyImported: number;
  rejected: number;
  messages: {
    index: number;
    messageId: string | null;
    outcome: ArendeImportOutcome;
    arendeId: string | null;
    patientId: string | null;
    reasons: string[];
  }[];
}

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
