/**
 * Typeahead over the whole ICD-10-SE list (≈ 35,700 codes): by code prefix ("f43", "F43.8") or by
 * Swedish words in the title ("utmattning", "rygg värk"). Pure and precomputed once, so a query costs
 * well under a millisecond (measure with `node bench/icd10-search/measure.ts`).
 *
 * Titles are normalized (lower case, diacritics folded — "värk" and "vark" both match "Ryggvärk" —
 * punctuation to spaces) and split into words. The ≈ 9,400 distinct words are kept sorted, joined into
 * one string, and each has the list of titles it occurs in. A query word matches every title word that
 * contains it — also inside Swedish compounds ("syndrom" finds "Utmattningssyndrom") — found by one
 * `indexOf` scan of the ~100 kB word string instead of a loop over 35,700 titles; words of one or two
 * letters match only at a word start ("in" would otherwise match nearly everything). Matches at the
 * start of a word rank first.
 */
import type { IcdCode } from "./parse.ts";

export interface SearchIndex {
  /** Sorted by code. */
  readonly entries: readonly IcdCode[];
  /** Normalized titles, same order. */
  readonly titles: readonly string[];
  /** Distinct title words, sorted; "\n" + the words joined by "\n"; where word i begins in it. */
  readonly words: readonly string[];
  readonly wordText: string;
  readonly wordStarts: Int32Array;
  /** For each word, the (ascending) indexes of the titles it occurs in. */
  readonly postings: readonly Int32Array[];
  /** Scratch for de-duplicating candidates: a title is seen in this query when seen[i] === stamp. */
  readonly scratch: { seen: Uint32Array; stamp: number };
}

/** Lower case, diacritics folded (å/ä → a, ö → o, é → e), anything but letters and digits → one space. */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildSearchIndex(codes: readonly IcdCode[]): SearchIndex {
  const entries = [...codes].sort((a, b) => byText(a.code, b.code));
  const titles = entries.map((entry) => normalizeForSearch(entry.title));
  const occurrences = new Map<string, number[]>();
  titles.forEach((title, i) => {
    for (const word of new Set(title.split(" "))) {
      if (!word) continue;
      const list = occurrences.get(word);
      if (list) list.push(i);
      else occurrences.set(word, [i]);
    }
  });
  const words = [...occurrences.keys()].sort(byText);
  const wordStarts = new Int32Array(words.length);
  let offset = 1;
  words.forEach((word, i) => {
    wordStarts[i] = offset;
    offset += word.length + 1;
  });
  return {
    entries,
    titles,
    words,
    wordText: `\n${words.join("\n")}`,
    wordStarts,
    postings: words.map((word) => Int32Array.from(occurrences.get(word)!)),
    scratch: { seen: new Uint32Array(entries.length), stamp: 0 },
  };
}

/** A token that reads as (the start of) a code: a letter and a digit, e.g. "f4", "M54.5", "F438A". */
const CODE_TOKEN = /^[A-Z]\d[0-9A-Z]{0,3}$/;

interface Query {
  codePrefixes: string[];
  terms: string[];
}

function parseQuery(query: string): Query {
  const raw = query.split(/[\s,;]+/).filter((token) => token !== "");
  const codePrefixes: string[] = [];
  const words: string[] = [];
  for (const token of raw) {
    const code = token.replace(/\./g, "").toUpperCase();
    // A lone letter is a chapter prefix ("F" → every F code), not a word.
    if (CODE_TOKEN.test(code) || (raw.length === 1 && /^[A-Z]$/.test(code))) codePrefixes.push(code);
    else words.push(token);
  }
  return { codePrefixes, terms: normalizeForSearch(words.join(" ")).split(" ").filter(Boolean) };
}

/** Index of the first code ≥ prefix (binary search over the sorted codes). */
function lowerBound(entries: readonly IcdCode[], prefix: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.code < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

function byCodePrefix(index: SearchIndex, prefixes: string[], limit: number): IcdCode[] {
  const found: IcdCode[] = [];
  for (const prefix of prefixes) {
    for (let i = lowerBound(index.entries, prefix); i < index.entries.length; i++) {
      const entry = index.entries[i]!;
      if (!entry.code.startsWith(prefix) || found.length >= limit) break;
      if (!found.includes(entry)) found.push(entry);
    }
  }
  return found;
}

/** Which word a position in `wordText` belongs to. */
function wordAt(starts: Int32Array, position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Shorter query words match only at a word start; longer ones anywhere in a word. */
const MIN_INFIX_LENGTH = 3;

/** The words that a query word matches. */
function matchingWords(index: SearchIndex, term: string): number[] {
  const { words, wordText, wordStarts } = index;
  const found: number[] = [];
  if (term.length < MIN_INFIX_LENGTH) {
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (words[middle]! < term) low = middle + 1;
      else high = middle;
    }
    for (let w = low; w < words.length && words[w]!.startsWith(term); w++) found.push(w);
    return found;
  }
  let position = wordText.indexOf(term);
  while (position !== -1) {
    const w = wordAt(wordStarts, position);
    found.push(w);
    position = w + 1 < wordStarts.length ? wordText.indexOf(term, wordStarts[w + 1]!) : -1;
  }
  return found;
}

function atWordStart(title: string, term: string, spacedTerm = ` ${term}`): boolean {
  return title.startsWith(term) || title.includes(spacedTerm);
}

function matches(title: string, term: string): boolean {
  return term.length < MIN_INFIX_LENGTH ? atWordStart(title, term) : title.includes(term);
}

/**
 * Ranking, lower is better: every query word at a word start, then the title starting with the first
 * query word (the tier), then shorter titles — the closest match: "Utmattningssyndrom" before
 * "Utmattningsfraktur i kota" — then code order (the base).
 */
const TIER = 1e10;

function baseScore(title: string, i: number): number {
  return Math.min(title.length, 9999) * 1e5 + i;
}

function tierScore(title: string, terms: readonly string[], spacedTerms: readonly string[]): number {
  let notAtWordStart = 0;
  for (let t = 0; t < terms.length; t++) {
    if (!atWordStart(title, terms[t]!, spacedTerms[t]!)) notAtWordStart++;
  }
  return (notAtWordStart * 2 + (title.startsWith(terms[0]!) ? 0 : 1)) * TIER;
}

/** The `limit` best (lowest) scores seen so far, ascending. */
class TopList {
  readonly items: { score: number; i: number }[] = [];
  readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** A score at or above this cannot enter the list. */
  get bar(): number {
    return this.items.length < this.limit ? Infinity : this.items[this.items.length - 1]!.score;
  }

  add(score: number, i: number) {
    if (score >= this.bar) return;
    let position = this.items.length;
    while (position > 0 && this.items[position - 1]!.score > score) position--;
    this.items.splice(position, 0, { score, i });
    if (this.items.length > this.limit) this.items.pop();
  }
}

/** Of the query words, the one whose matching words occur in the fewest titles. */
function cheapestTerm(index: SearchIndex, terms: readonly string[]) {
  let best = { term: 0, words: [] as number[], cost: Infinity };
  terms.forEach((term, t) => {
    const words = matchingWords(index, term);
    const cost = words.reduce((sum, w) => sum + index.postings[w]!.length, 0);
    if (cost < best.cost) best = { term: t, words, cost };
  });
  return best;
}

function byWords(index: SearchIndex, query: Query, limit: number): IcdCode[] {
  const { terms, codePrefixes } = query;
  const { titles, entries, postings, scratch } = index;
  // Walk the titles of the query word with the fewest; check the other words on each title.
  const driver = cheapestTerm(index, terms);
  const others = terms.filter((_, t) => t !== driver.term);
  const spacedTerms = terms.map((term) => ` ${term}`);
  scratch.stamp = scratch.stamp >= 0xffffffff ? 1 : scratch.stamp + 1;
  if (scratch.stamp === 1) scratch.seen.fill(0);
  const top = new TopList(limit);
  for (const w of driver.words) {
    for (const i of postings[w]!) {
      if (scratch.seen[i] === scratch.stamp) continue;
      scratch.seen[i] = scratch.stamp;
      const title = titles[i]!;
      const base = baseScore(title, i);
      // The tier only adds: a title whose base cannot enter the list is out whatever its tier.
      if (base >= top.bar) continue;
      if (!others.every((term) => matches(title, term))) continue;
      if (codePrefixes.length > 0 && !codePrefixes.some((prefix) => entries[i]!.code.startsWith(prefix))) {
        continue;
      }
      top.add(tierScore(title, terms, spacedTerms) + base, i);
    }
  }
  return top.items.map((item) => entries[item.i]!);
}

/** Up to `limit` codes matching the query; [] for an empty query. */
export function searchIndex(index: SearchIndex, query: string, limit = 20): IcdCode[] {
  if (!(limit > 0)) return [];
  const parsed = parseQuery(query);
  if (parsed.terms.length > 0) return byWords(index, parsed, limit);
  if (parsed.codePrefixes.length > 0) return byCodePrefix(index, parsed.codePrefixes, limit);
  return [];
}
