/**
 * ICD-10-SE as the product uses it: lookup of a code, its chapter, block and diagnosis group, and
 * the typeahead search. Pure: built from parsed data (`./parse.ts`); `./load.ts` reads the files.
 */
import { hasIcdCodeShape, inCodeRange, normalizeIcdCode } from "./codes.ts";
import type { DiagnosisGroup, IcdCode, IcdRangeEntry } from "./parse.ts";
import { buildSearchIndex, searchIndex } from "./search.ts";

export interface Icd10Data {
  /** All codes of 3, 4 and 5 positions. */
  codes: IcdCode[];
  chapters: IcdRangeEntry[];
  blocks: IcdRangeEntry[];
  groups: DiagnosisGroup[];
}

export interface Icd10 {
  /** The code with its title; the input may have a dot, spaces and lower case. Null when unknown. */
  lookup(code: string): IcdCode | null;
  /** The chapter whose range holds the code's category (also for codes not in the list). */
  chapterOf(code: string): IcdRangeEntry | null;
  blockOf(code: string): IcdRangeEntry | null;
  /** One of the seven diagnosis groups (they cover A00–Z99); null when the text is not a code. */
  groupOf(code: string): DiagnosisGroup | null;
  /** Typeahead by code prefix or Swedish words, best first. */
  search(query: string, limit?: number): IcdCode[];
  readonly size: number;
}

function rangeOf<T extends { range: IcdRangeEntry["range"] }>(entries: readonly T[], code: string) {
  const normalized = normalizeIcdCode(code);
  if (!hasIcdCodeShape(normalized)) return null;
  return entries.find((entry) => inCodeRange(normalized, entry.range)) ?? null;
}

export function createIcd10(data: Icd10Data): Icd10 {
  const byCode = new Map(data.codes.map((entry) => [entry.code, entry]));
  const index = buildSearchIndex(data.codes);
  return {
    lookup: (code) => byCode.get(normalizeIcdCode(code)) ?? null,
    chapterOf: (code) => rangeOf(data.chapters, code),
    blockOf: (code) => rangeOf(data.blocks, code),
    groupOf(code) {
      const normalized = normalizeIcdCode(code);
      if (!hasIcdCodeShape(normalized)) return null;
      return (
        data.groups.find((group) => group.ranges.some((range) => inCodeRange(normalized, range))) ?? null
      );
    },
    search: (query, limit = 20) => searchIndex(index, query, limit),
    size: byCode.size,
  };
}
