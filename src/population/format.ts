/**
 * The listed-population CSV, as the regions' listing systems export it (docs/listning-csv.md):
 * semicolon separated (a comma when the header has no semicolon), a header row, UTF-8 with or
 * without BOM, one row per unit, month, sex and age band:
 *
 *     enhet;månad;kön;åldersgrupp;antal
 *     HC-NORR;2026-10;K;30-39;812
 *
 * All or nothing: every problem is collected with its row and column, and any problem refuses
 * the whole file.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { ageBands, isMonth, parseAgeBand, parseSex, type AgeBand, type Sex } from "./rules.ts";

export const populationCsvHeader = "enhet;månad;kön;åldersgrupp;antal";

const columns = ["enhet", "månad", "kön", "åldersgrupp", "antal"] as const;
type Column = (typeof columns)[number];

/** The largest count a cell may hold: no unit lists a million patients of one sex and age band. */
export const maxCount = 1_000_000;

export interface PopulationRow {
  /** The row's line in the file (the header is line 1). */
  row: number;
  /** The unit as the file names it: its id in Samsyn or its HSA-id. */
  unit: string;
  month: string;
  sex: Sex;
  ageBand: AgeBand;
  count: number;
}

export interface PopulationIssue {
  row: number | null;
  column: Column | null;
  message: string;
}

export function issueText(issue: PopulationIssue): string {
  const where = [
    issue.row === null ? null : `Rad ${issue.row}`,
    issue.column === null ? null : `kolumn ${issue.column}`,
  ]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** The file was refused; nothing was imported. */
export class PopulationFormatError extends Error {
  readonly issues: PopulationIssue[];

  constructor(issues: PopulationIssue[]) {
    const shown = issues.slice(0, 5).map(issueText).join(" ");
    const more = issues.length > 5 ? ` (och ${issues.length - 5} fel till)` : "";
    super(`Filen lästes inte in, inget har ändrats. ${shown}${more}`);
    this.issues = issues;
  }
}

export const noPopulationRows = "Filen innehåller inga rader med listade patienter.";

/** "Månad", "MANAD", " kön " → the column; unknown names are ignored (exports carry extra columns). */
function columnOf(name: string): Column | null {
  const plain = name.trim().toLowerCase().replace(/[åä]/g, "a").replace(/ö/g, "o");
  return columns.find((c) => c.replace(/[åä]/g, "a").replace(/ö/g, "o") === plain) ?? null;
}

type CsvRecord = { record: string[]; info: { lines: number } };

function readRecords(text: string): CsvRecord[] {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") ? ";" : ",";
  try {
    return parseCsv(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new PopulationFormatError([
      { row: line ?? null, column: null, message: `filen är inte giltig CSV (${(error as Error).message}).` },
    ]);
  }
}

function headerPositions(header: string[]): Map<Column, number> {
  if (header.some((name) => name.includes("\uFFFD"))) {
    // Read as UTF-8, a Windows-1252 file's å, ä and ö become replacement characters.
    throw new PopulationFormatError([
      { row: 1, column: null, message: "filen är inte UTF-8. Spara den som CSV UTF-8 och försök igen." },
    ]);
  }
  const positions = new Map<Column, number>();
  header.forEach((name, index) => {
    const column = columnOf(name);
    if (column && !positions.has(column)) positions.set(column, index);
  });
  const missing = columns.filter((c) => !positions.has(c));
  if (missing.length > 0) {
    throw new PopulationFormatError([
      {
        row: 1,
        column: null,
        message: `rubrikraden saknar kolumnerna ${missing.join(", ")} (rubrikraden ska vara ${populationCsvHeader}).`,
      },
    ]);
  }
  return positions;
}

const messages = {
  enhet: "enhet saknas (enhetens id i Samsyn eller dess HSA-id).",
  månad: "månad ska vara ÅÅÅÅ-MM, till exempel 2026-10.",
  future: "månaden har inte börjat än.",
  kön: "kön ska vara K (kvinnor) eller M (män).",
  åldersgrupp: `åldersgrupp ska vara en av ${ageBands.join(", ")}.`,
  antal: `antal ska vara ett heltal från 0 till ${maxCount.toLocaleString("sv-SE")}.`,
};

function rowOf(
  line: number,
  value: (c: Column) => string,
  currentMonth: string,
  issues: PopulationIssue[],
): PopulationRow | null {
  const before = issues.length;
  const problem = (column: Column, message: string) => issues.push({ row: line, column, message });
  const unit = value("enhet");
  if (!unit || unit.length > 100) problem("enhet", messages.enhet);
  const month = value("månad");
  if (!isMonth(month)) problem("månad", messages.månad);
  else if (month > currentMonth) problem("månad", messages.future);
  const sex = parseSex(value("kön"));
  if (!sex) problem("kön", messages.kön);
  const ageBand = parseAgeBand(value("åldersgrupp"));
  if (!ageBand) problem("åldersgrupp", messages.åldersgrupp);
  const countText = value("antal").replace(/[\s\u00a0]/g, "");
  const count = /^\d{1,7}$/.test(countText) ? Number(countText) : NaN;
  if (!(count <= maxCount)) problem("antal", messages.antal);
  if (issues.length > before) return null;
  return { row: line, unit, month, sex: sex!, ageBand: ageBand!, count };
}

/**
 * The rows of a listed-population file, or PopulationFormatError naming every bad row and column.
 * `currentMonth` (YYYY-MM, the clock's) refuses months that have not begun.
 */
export function parsePopulationCsv(text: string, options: { currentMonth: string }): PopulationRow[] {
  const records = readRecords(text);
  if (records.length === 0)
    throw new PopulationFormatError([{ row: null, column: null, message: noPopulationRows }]);
  const positions = headerPositions(records[0]!.record);
  if (records.length === 1)
    throw new PopulationFormatError([{ row: null, column: null, message: noPopulationRows }]);

  const issues: PopulationIssue[] = [];
  const rows: PopulationRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const row = rowOf(line, (c) => record[positions.get(c)!] ?? "", options.currentMonth, issues);
    if (!row) continue;
    const key = [row.unit, row.month, row.sex, row.ageBand].join("\u0000");
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        row: line,
        column: "åldersgrupp",
        message: `samma enhet, månad, kön och åldersgrupp som rad ${earlier}.`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push(row);
  }
  if (issues.length > 0) throw new PopulationFormatError(issues);
  return rows;
}
