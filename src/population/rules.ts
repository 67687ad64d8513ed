/**
 * The listed population (listade patienter) of a unit: how many patients the unit lists per month,
 * by sex and age band. Aggregate figures, no patient data: the denominator of sjuktal (sick-listed
 * per 1,000 listed patients). Pure: the bands, the values the CSV import accepts, month arithmetic
 * and the rule for a month without an import.
 *
 * Age bands (chosen for sick-leave statistics of working age): 16–64 in the bands Försäkringskassan
 * and SCB use for sjukpenning statistics (16–19, then ten-year bands, 60–64); 65–69 apart, since
 * sick leave after 65 happens (sjukpenning can be paid until 70) but is rare; 0–15 and 70+ so the
 * bands add up to the whole listed population a listing system reports.
 *
 * Missing month (the read rule): a month without an import for a unit uses the unit's latest
 * earlier imported month, and says so (`sourceMonth`); a month before the unit's first import has
 * no figure (null). Never a later month: figures are not known before they are imported.
 */

export const ageBands = [
  "0-15",
  "16-19",
  "20-29",
  "30-39",
  "40-49",
  "50-59",
  "60-64",
  "65-69",
  "70+",
] as const;
export type AgeBand = (typeof ageBands)[number];

/** The working-age bands (16–64): the usual denominator of sjuktal. */
export const workingAgeBands: readonly AgeBand[] = ["16-19", "20-29", "30-39", "40-49", "50-59", "60-64"];

/** As patients' sex is stored: F (kvinna) or M (man). */
export const sexes = ["F", "M"] as const;
export type Sex = (typeof sexes)[number];

const sexWords: Record<string, Sex> = {
  k: "F",
  kvinna: "F",
  kvinnor: "F",
  m: "M",
  man: "M",
  män: "M",
};

/** K, Kvinna, Kvinnor → F; M, Man, Män → M (any case); anything else null. */
export function parseSex(text: string): Sex | null {
  return sexWords[text.trim().toLowerCase()] ?? null;
}

/** "16-19", "16–19", "16 - 19 år", "70+", "70- år" → the band; anything else null. */
export function parseAgeBand(text: string): AgeBand | null {
  const normalized = text
    .trim()
    .toLowerCase()
    .replace(/\s*år$/, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, "")
    .replace(/^(\d+)-$/, "$1+");
  return (ageBands as readonly string[]).includes(normalized) ? (normalized as AgeBand) : null;
}

/** The band of an age in whole years. */
export function ageBandOf(age: number): AgeBand {
  if (age < 16) return "0-15";
  if (age < 20) return "16-19";
  if (age < 60) return ageBands[Math.floor(age / 10)]!;
  if (age < 65) return "60-64";
  return age < 70 ? "65-69" : "70+";
}

/** A month is `YYYY-MM`. */
export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** The month of an ISO date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from `from` to `to`, both included (empty when `to` is before `from`). */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

export interface PopulationCell {
  sex: Sex;
  ageBand: AgeBand;
  count: number;
}

export interface PopulationFigures {
  women: number;
  men: number;
  total: number;
  byAgeBand: Record<AgeBand, { women: number; men: number; total: number }>;
}

export function emptyFigures(): PopulationFigures {
  const byAgeBand = Object.fromEntries(ageBands.map((band) => [band, { women: 0, men: 0, total: 0 }]));
  return { women: 0, men: 0, total: 0, byAgeBand: byAgeBand as PopulationFigures["byAgeBand"] };
}

/** Adds the cells to `figures` (in place) and returns it. */
export function addCells(figures: PopulationFigures, cells: readonly PopulationCell[]): PopulationFigures {
  for (const cell of cells) {
    const key = cell.sex === "F" ? "women" : "men";
    figures[key] += cell.count;
    figures.total += cell.count;
    figures.byAgeBand[cell.ageBand][key] += cell.count;
    figures.byAgeBand[cell.ageBand].total += cell.count;
  }
  return figures;
}

/** Women, men and total of the working-age bands (16–64): the usual denominator of sjuktal. */
export function workingAge(figures: PopulationFigures): { women: number; men: number; total: number } {
  const sum = { women: 0, men: 0, total: 0 };
  for (const band of workingAgeBands) {
    sum.women += figures.byAgeBand[band].women;
    sum.men += figures.byAgeBand[band].men;
    sum.total += figures.byAgeBand[band].total;
  }
  return sum;
}

export interface ResolvedMonth {
  month: string;
  /** The imported month the figures come from: `month` itself, an earlier one, or null (none yet). */
  sourceMonth: string | null;
  cells: readonly PopulationCell[];
}

/**
 * One unit's figures for every month of the range by the missing-month rule: `imported` holds the
 * unit's imported months (at least those in the range and the latest one before it).
 */
export function resolveMonths(
  imported: ReadonlyMap<string, readonly PopulationCell[]>,
  from: string,
  to: string,
): ResolvedMonth[] {
  const known = [...imported.keys()].sort();
  let latest: string | null = null;
  for (const month of known) if (month <= from) latest = month;
  return monthRange(from, to).map((month) => {
    if (imported.has(month)) latest = month;
    return { month, sourceMonth: latest, cells: latest === null ? [] : imported.get(latest)! };
  });
}

/**
 * The same figures, whatever the cells' order (a cell of 0 is the same as no cell): an import of
 * unchanged figures changes nothing.
 */
export function sameCells(a: readonly PopulationCell[], b: readonly PopulationCell[]): boolean {
  const keys = (cells: readonly PopulationCell[]) =>
    cells
      .filter((c) => c.count > 0)
      .map((c) => `${c.sex}/${c.ageBand}/${c.count}`)
      .sort();
  const left = keys(a);
  const right = keys(b);
  return left.length === right.length && left.every((k, i) => k === right[i]);
}
