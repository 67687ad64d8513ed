/**
 * The unit list as a file (PRODUCT §5.3): CSV (semicolon separated, UTF-8 with BOM, as Swedish
 * Excel opens it), XLSX and PDF. Each prints the filters and the counts split by sex. Rows come
 * as the list shows them: a protected identity's name is masked.
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import writeXlsxFile from "write-excel-file/node";
import { isLongerThan30Days } from "../cases/length.ts";
import { pageFrame, renderPdfDocument } from "../pdf/render.ts";
import { sysselsattningLabels } from "../certificates/rules/labels.ts";
import type { SysselsattningType } from "../certificates/rules/draft.ts";
import { riskLevels } from "./risk.ts";
import { teamStatuses } from "../traceability/rules.ts";
import {
  coordinatorStatuses,
  lengthBuckets,
  unitListStatuses,
  type SexCounts,
  type SortColumn,
  type UnitListFilter,
  type UnitListRow,
} from "./rules.ts";

export type ExportFormat = "csv" | "xlsx" | "pdf";

const sexLabels = { F: "Kvinna", M: "Man" } as const;

const sysselsattning = (codes: string[]) =>
  codes.map((c) => sysselsattningLabels[c as SysselsattningType] ?? c).join(", ");

/** The columns of PRODUCT §5.3, in order, with the cell value of a row. */
export const exportColumns: { header: string; value: (row: UnitListRow) => string | number | null }[] = [
  { header: "Status", value: (r) => unitListStatuses[r.status] },
  { header: "Personnummer", value: (r) => r.personnummer },
  { header: "Ålder", value: (r) => r.age },
  { header: "Namn", value: (r) => r.name },
  { header: "Kön", value: (r) => sexLabels[r.sex] },
  { header: "Diagnos", value: (r) => r.diagnosis },
  { header: "Diagnostext", value: (r) => r.diagnosisTitle },
  { header: "Sysselsättning", value: (r) => sysselsattning(r.sysselsattning) },
  { header: "Start", value: (r) => r.start },
  { header: "Slut", value: (r) => r.end },
  { header: "Längd (dagar)", value: (r) => r.days },
  { header: "Dag i sjukfallet", value: (r) => r.dayInCase },
  { header: "Längre än 30 dagar", value: (r) => (isLongerThan30Days(r) ? "Ja" : "Nej") },
  { header: "Antal intyg", value: (r) => r.certificateCount },
  { header: "Grad (%)", value: (r) => r.currentGrade },
  { header: "Öppna ärenden", value: (r) => r.openArenden },
  { header: "Över FMB", value: (r) => (r.fmbExceeded ? "Ja" : "Nej") },
  { header: "Risk (poäng)", value: (r) => r.risk.score },
  { header: "Risknivå", value: (r) => riskLevels[r.risk.level] },
  { header: "Läkare", value: (r) => r.doctorName },
  { header: "Teamstatus", value: (r) => (r.teamStatus ? teamStatuses[r.teamStatus] : null) },
  { header: "Koordinatorstatus", value: (r) => coordinatorStatuses[r.coordinatorStatus] },
];

const sortLabels: Record<SortColumn, string> = {
  status: "status",
  personnummer: "personnummer",
  age: "ålder",
  name: "namn",
  sex: "kön",
  diagnosis: "diagnos",
  sysselsattning: "sysselsättning",
  start: "start",
  end: "slut",
  days: "längd",
  dayInCase: "dag i sjukfallet",
  certificateCount: "antal intyg",
  grade: "grad",
  arenden: "ärenden",
  risk: "risk",
  doctor: "läkare",
  fmb: "över FMB",
  teamStatus: "teamstatus",
  coordinatorStatus: "koordinatorstatus",
};

/** The filters in Swedish, one line each; "Alla sjukfall" when none is set. */
export function describeFilter(
  filter: UnitListFilter,
  names: { doctor?: string | null; chapter?: string | null } = {},
): string[] {
  const lines: string[] = [];
  if (filter.status) lines.push(`Status: ${unitListStatuses[filter.status]}`);
  if (filter.over30) lines.push("Längre än 30 dagar");
  if (filter.risk) lines.push("Förhöjd risk (minst 2 poäng)");
  if (filter.minRisk !== undefined) lines.push(`Riskpoäng minst ${filter.minRisk}`);
  if (filter.openArenden) lines.push("Med öppna ärenden");
  if (filter.fmbExceeded !== undefined) lines.push(filter.fmbExceeded ? "Längre än FMB" : "Inom FMB");
  if (filter.teamStatus) lines.push(`Teamstatus: ${teamStatuses[filter.teamStatus]}`);
  if (filter.length?.length) {
    const labels = lengthBuckets.filter((b) => filter.length!.includes(b.id)).map((b) => b.label);
    lines.push(`Längd: ${labels.join(", ")}`);
  }
  if (filter.minDays !== undefined || filter.maxDays !== undefined) {
    lines.push(`Längd: ${filter.minDays ?? 0}–${filter.maxDays ?? ""} dagar`);
  }
  if (filter.chapter)
    lines.push(`Diagnoskapitel: ${filter.chapter}${names.chapter ? ` ${names.chapter}` : ""}`);
  if (filter.diagnosisGroup) lines.push(`Diagnosgrupp: ${filter.diagnosisGroup}`);
  if (filter.doctorId) lines.push(`Läkare: ${names.doctor ?? "okänd"}`);
  if (filter.ageMin !== undefined || filter.ageMax !== undefined) {
    lines.push(`Ålder: ${filter.ageMin ?? 0}–${filter.ageMax ?? ""} år`);
  }
  if (filter.sex) lines.push(`Kön: ${filter.sex === "F" ? "Kvinnor" : "Män"}`);
  if (filter.endFrom || filter.endTo)
    lines.push(`Slutdatum: ${filter.endFrom ?? ""} – ${filter.endTo ?? ""}`);
  if (filter.sysselsattning) lines.push(`Sysselsättning: ${sysselsattning([filter.sysselsattning])}`);
  if (filter.coordinatorStatus)
    lines.push(`Koordinatorstatus: ${coordinatorStatuses[filter.coordinatorStatus]}`);
  if (filter.q) lines.push(`Fritext: ${filter.q}`);
  return lines.length ? lines : ["Alla sjukfall"];
}

export interface ExportInput {
  unitName: string;
  today: string;
  scope: "UNIT" | "OWN";
  filterLines: string[];
  sort: { column: SortColumn; order: "asc" | "desc" };
  counts: SexCounts;
  rows: UnitListRow[];
  /** Leave out name and personnummer ("Dölj personuppgifter"). */
  hidePersonal?: boolean;
}

const personalHeaders = new Set(["Personnummer", "Namn"]);

/** The columns the file carries: without name and personnummer when personal data is hidden. */
function columnsFor(input: ExportInput) {
  return input.hidePersonal ? exportColumns.filter((c) => !personalHeaders.has(c.header)) : exportColumns;
}

function headerLines(input: ExportInput): string[][] {
  const { counts } = input;
  return [
    ["Pågående sjukfall", input.unitName],
    ["Datum", input.today],
    ["Urval", input.scope === "OWN" ? "Mina sjukfall" : "Enhetens alla sjukfall"],
    ...input.filterLines.map((line) => ["Filter", line]),
    ["Sortering", `${sortLabels[input.sort.column]} ${input.sort.order === "asc" ? "stigande" : "fallande"}`],
    ["Antal", `${counts.total} (kvinnor ${counts.women}, män ${counts.men})`],
    ...(input.hidePersonal ? [["Personuppgifter", "Dolda: namn och personnummer ingår inte"]] : []),
  ];
}

/** One CSV cell (semicolon separated, quoted when needed); shared by every CSV export. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(input: ExportInput): string {
  const lines = [
    ...headerLines(input).map((cells) => cells.map(csvCell).join(";")),
    "",
    columnsFor(input)
      .map((c) => csvCell(c.header))
      .join(";"),
    ...input.rows.map((row) =>
      columnsFor(input)
        .map((c) => csvCell(c.value(row)))
        .join(";"),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function renderXlsx(input: ExportInput): Promise<Buffer> {
  const table = [
    columnsFor(input).map((c) => ({ value: c.header, fontWeight: "bold" as const })),
    ...input.rows.map((row) =>
      columnsFor(input).map((c) => {
        const value = c.value(row);
        return value === null ? null : { value };
      }),
    ),
  ];
  const selection = headerLines(input).map((cells) => cells.map((value) => ({ value })));
  return writeXlsxFile([
    { data: table, sheet: "Sjukfall", stickyRowsCount: 1 },
    { data: selection, sheet: "Urval" },
  ]).toBuffer();
}

const pdfColumns = [
  "Personnummer",
  "Namn",
  "Kön",
  "Ålder",
  "Diagnos",
  "Start",
  "Slut",
  "Längd (dagar)",
  "Grad (%)",
  "Antal intyg",
  "Öppna ärenden",
  "Risk (poäng)",
  "Läkare",
];

export async function renderPdf(input: ExportInput): Promise<Buffer> {
  const columns = pdfColumns
    .filter((header) => !(input.hidePersonal && personalHeaders.has(header)))
    .map((header) => exportColumns.find((c) => c.header === header)!);
  const body: Content[][] = [
    columns.map((c) => ({ text: c.header, bold: true })),
    ...input.rows.map((row) => columns.map((c) => ({ text: String(c.value(row) ?? "") }))),
  ];
  const definition: TDocumentDefinitions = {
    ...pageFrame({ title: "Pågående sjukfall", margins: [30, 40, 30, 40], fontSize: 9, landscape: true }),
    content: [
      { text: `Pågående sjukfall – ${input.unitName}`, style: "title" },
      {
        table: { widths: ["auto", "*"], body: headerLines(input).slice(1) },
        layout: "noBorders",
        margin: [0, 0, 0, 10],
      },
      {
        table: { headerRows: 1, widths: columns.map(() => "auto"), body },
        layout: "lightHorizontalLines",
        fontSize: 8,
      },
    ],
    styles: { title: { fontSize: 14, bold: true, margin: [0, 0, 0, 6] } },
  };
  return renderPdfDocument(definition);
}
