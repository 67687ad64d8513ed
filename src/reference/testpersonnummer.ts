/**
 * Skatteverket's official test personnummer (numbers that belong to no real person). Demo and test
 * data take every personnummer from this list, never invented ones (see README.md here).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const testPersonnummerFile = path.join(import.meta.dirname, "testpersonnummer.csv");

/** The list as published: ÅÅÅÅMMDD-NNNN, in the file's order. */
export function loadTestPersonnummer(file = testPersonnummerFile): string[] {
  const lines = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  if (lines[0]?.trim() !== "personNr") throw new Error(`${file}: expected the header "personNr"`);
  return lines
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}
