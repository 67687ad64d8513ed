/**
 * Downloads a file the API renders (exports). Fetched and saved from memory, so the query (which
 * may hold filters) never lands in the browser's history.
 */
import { ApiError } from "./client.ts";

const texts = {
  network: "Det gick inte att nå servern. Kontrollera anslutningen och försök igen.",
  failed: "Exporten misslyckades. Försök igen.",
};

/** Fetches `path?params` and saves it under the server's file name (else `fallbackName`). */
export async function downloadFile(
  path: string,
  params: URLSearchParams,
  fallbackName: string,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${path}?${params.toString()}`, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", texts.network);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(response.status, "EXPORT", body?.error?.message ?? texts.failed);
  }
  const blob = await response.blob();
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
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
