/**
 * Where the FMB comes from (server and CLI only): an imported dump stored in the database's
 * `app_meta` row "fmb" (`samsyn fmb import`) wins over the dump shipped in this folder.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { appMeta } from "../../db/schema.ts";
import { createFmb, FmbFormatError, parseDiagnosinformation, parseTypfall, type Fmb } from "./fmb.ts";

export const fmbDirectory = import.meta.dirname;
export const shippedFiles = {
  diagnosinformation: "diagnosinformation-2018-06-05.json",
  typfall: "typfall-2018-06-05.json",
} as const;

/** The app_meta key of an imported dump. */
export const fmbMetaKey = "fmb";

/** Both dumps in one object: the form `samsyn fmb import` reads and `app_meta` stores. */
export interface FmbDumps {
  diagnosinformation: unknown;
  typfall: unknown;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(fmbDirectory, file), "utf8"));
}

let shipped: Fmb | undefined;

/** The FMB dump shipped with Samsyn, read and indexed on the first call, then shared. */
export function loadShippedFmb(): Fmb {
  shipped ??= createFmb(readJson(shippedFiles.diagnosinformation), readJson(shippedFiles.typfall));
  return shipped;
}

/**
 * Checks an import's shape and builds the FMB from it (so a dump that cannot be used is refused
 * before it is stored). Returns the dumps as stored: only the fields Samsyn reads.
 */
export function parseFmbDumps(value: unknown): { dumps: FmbDumps; fmb: Fmb } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new FmbFormatError(
      'An FMB import must be a JSON object { "diagnosinformation": …, "typfall": … }.',
    );
  }
  const record = value as Record<string, unknown>;
  for (const key of ["diagnosinformation", "typfall"]) {
    if (!(key in record)) throw new FmbFormatError(`The FMB import has no "${key}" dump.`);
  }
  const dumps = {
    diagnosinformation: parseDiagnosinformation(record.diagnosinformation),
    typfall: parseTypfall(record.typfall),
  };
  return { dumps, fmb: createFmb(dumps.diagnosinformation, dumps.typfall) };
}

/** Stores an imported dump; the server uses it from its next start. */
export async function storeFmbDumps(q: Queryable, dumps: FmbDumps, importedAt: Date) {
  const value = { ...dumps, importedAt: importedAt.toISOString() };
  await q
    .insert(appMeta)
    .values({ key: fmbMetaKey, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: importedAt.toISOString() } });
}

/** The imported FMB when the database holds one, else the shipped one. */
export async function loadFmb(q?: Queryable): Promise<{ fmb: Fmb; source: "imported" | "shipped" }> {
  if (q) {
    const [row] = await q.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, fmbMetaKey));
    if (row) return { fmb: parseFmbDumps(row.value).fmb, source: "imported" };
  }
  return { fmb: loadShippedFmb(), source: "shipped" };
}
