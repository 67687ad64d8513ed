/**
 * Reads the ICD-10-SE files shipped in this folder, once, on first use (server and CLI only; the
 * browser gets the data through the API and calls `createIcd10` itself).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { createIcd10, type Icd10, type Icd10Data } from "./icd10.ts";
import { parseBlocks, parseChapters, parseCodeList, parseGroups } from "./parse.ts";

export const icd10Directory = import.meta.dirname;

function read(directory: string, file: string): string {
  return readFileSync(path.join(directory, file), "utf8");
}

/** Parses the six files of `directory` (default: this folder). */
export function readIcd10Data(directory = icd10Directory): Icd10Data {
  const codes = ["digit3.txt", "digit4.txt", "digit5.txt"].flatMap((file) =>
    parseCodeList(read(directory, file), file),
  );
  return {
    codes,
    chapters: parseChapters(read(directory, "diagnoskapitel.txt")),
    blocks: parseBlocks(read(directory, "block.txt")),
    groups: parseGroups(read(directory, "diagnosgrupper.txt")),
  };
}

let cached: Icd10 | undefined;

/** The shipped ICD-10-SE, read and indexed on the first call, then shared. */
export function loadIcd10(): Icd10 {
  cached ??= createIcd10(readIcd10Data());
  return cached;
}
