/**
 * Parsers of the ICD-10-SE files shipped in this folder (formats in README.md). Pure: each takes a
 * file's text and returns its entries, throwing on a line it does not understand (the files are
 * data we ship, so a bad line is a broken file, not user input).
 */
import { hasIcdCodeShape, normalizeIcdCode, parseCodeRange, type CodeRange } from "./codes.ts";

export interface IcdCode {
  /** Without dot, upper case: "F438A". */
  code: string;
  /** Swedish title. */
  title: string;
}

/** A chapter (kapitel) or block (avsnitt): a range of categories with a Swedish title. */
export interface IcdRangeEntry {
  /** As written in the file: "A00-B99". */
  id: string;
  range: CodeRange;
  title: string;
}

/** One of the seven diagnosis groups of the national sick-leave tools. */
export interface DiagnosisGroup {
  name: string;
  ranges: CodeRange[];
}

function lines(text: string): { line: string; number: number }[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter((entry) => entry.line !== "");
}

function malformed(file: string, number: number, line: string): Error {
  return new Error(`${file}, line ${number}: cannot read "${line.slice(0, 60)}"`);
}

/** digit3/4/5.txt: `CODE<TAB><TAB>Title` (UTF-8 with BOM). */
export function parseCodeList(text: string, file = "code list"): IcdCode[] {
  return lines(text).map(({ line, number }) => {
    const match = /^(\S+)\s+(.+)$/.exec(line);
    const code = match ? normalizeIcdCode(match[1]!) : "";
    if (!match || !hasIcdCodeShape(code)) throw malformed(file, number, line);
    return { code, title: match[2]!.trim() };
  });
}

/** diagnoskapitel.txt: `A00-B99Title` — the range is the first 7 characters, no separator. */
export function parseChapters(text: string, file = "diagnoskapitel.txt"): IcdRangeEntry[] {
  return lines(text).map(({ line, number }) => {
    const id = line.slice(0, 7);
    const range = parseCodeRange(id);
    const title = line.slice(7).trim();
    if (!range || !title) throw malformed(file, number, line);
    return { id, range, title };
  });
}

/** block.txt: `A00-A09<TAB><TAB>Title` (UTF-8 with BOM). */
export function parseBlocks(text: string, file = "block.txt"): IcdRangeEntry[] {
  return lines(text).map(({ line, number }) => {
    const match = /^(\S+)\s+(.+)$/.exec(line);
    const range = match ? parseCodeRange(match[1]!) : null;
    if (!match || !range) throw malformed(file, number, line);
    return { id: match[1]!, range, title: match[2]!.trim() };
  });
}

/** diagnosgrupper.txt: `A00-E90,G00-L99,N00-N99:Name`. */
export function parseGroups(text: string, file = "diagnosgrupper.txt"): DiagnosisGroup[] {
  return lines(text).map(({ line, number }) => {
    const colon = line.indexOf(":");
    const name = line.slice(colon + 1).trim();
    const ranges = line
      .slice(0, Math.max(colon, 0))
      .split(",")
      .map((part) => parseCodeRange(part));
    if (colon < 0 || !name || ranges.length === 0 || ranges.some((range) => range === null)) {
      throw malformed(file, number, line);
    }
    return { name, ranges: ranges as CodeRange[] };
  });
}
