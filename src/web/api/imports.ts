/** Import of certificates written in another system (the secretary's upload). */
import { useMutation } from "@tanstack/react-query";
import type { ImportReport } from "../../imports/schema.ts";
import { request } from "./client.ts";

export type { ImportReport };

export type ImportFormat = "csv" | "json";

/** CSV by the file name's ending or a first line that is not JSON; everything else as JSON. */
export function importFormatOf(fileName: string, text: string): ImportFormat {
  if (/\.csv$/i.test(fileName)) return "csv";
  if (/\.json$/i.test(fileName)) return "json";
  return /^\s*[[{]/.test(text) ? "json" : "csv";
}

export function useImportCertificates() {
  return useMutation({
    mutationFn: ({ text, format }: { text: string; format: ImportFormat }) =>
      request<ImportReport>("POST", "/api/import/certificates", {
        rawBody: { text, contentType: format === "csv" ? "text/csv" : "application/json" },
      }),
  });
}
