/**
 * The annual report as a pdfmake document (the one PDF setup of `../pdf/render.ts`): the unit's
 * figures for the report period split women / men / total, each table with its written definition
 * (`../statistics/definitions.ts`), the equality indicators, the komplettering follow-up and the
 * chief's texts. Swedish; no patient identity (doctors by name as far as the reader may see them).
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { stockholmDateTimeText, stockholmToday } from "../dates/today.ts";
import { pageFrame, renderPdfDocument } from "../pdf/render.ts";
import { statisticsDefinitions, type FigureKey } from "../statistics/definitions.ts";
import type { AnnualReport } from "./service.ts";

type Cell = number | null;
type SplitCells = { total: Cell; women: Cell; men: Cell };

export const reportTexts = {
  title: "Sjukskrivningsstatistik",
  printed: (at: string) => `Utskriven ${at}. Rapporten innehåller inga patientuppgifter.`,
  day: (day: string) =>
    `Pågående sjukfall räknas på ${day} (periodens sista dag, eller i dag om perioden pågår).`,
  sexHeaders: ["Kvinnor", "Män", "Totalt"],
  chief: "Enhetens analys",
  summary: "Sammanfattning",
  equality: "Skillnader mellan kvinnor och män",
  actions: "Åtgärder och plan framåt",
  noText: "(Ingen text skriven.)",
  version: (version: number, savedBy: string, savedAt: string) =>
    `Texterna: version ${version}, sparad av ${savedBy} ${stockholmToday(new Date(savedAt))}.`,
  equalityNone: "Ingen diagnosgrupp har minst fem sjukfall för både kvinnor och män.",
  large: "Stor skillnad",
  ownOnly: "Endast din egen rad visas.",
  noListing: "Enhetens listade patienter är inte inlästa för månaden: sjuktal kan inte räknas.",
} as const;

const integer = new Intl.NumberFormat("sv-SE");
const percent = new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

export const countText = (value: Cell) => (value === null ? "–" : integer.format(value));
export const rateText = (value: Cell) => (value === null ? "–" : percent.format(value));
const numberText = (value: Cell) => (value === null ? "–" : decimal.format(value));
const bucketText = (bucket: string) =>
  bucket.endsWith("-") ? `${bucket.slice(0, -1)} dagar eller mer` : `${bucket.replace("-", "–")} dagar`;

const header = (cells: string[]): Content[] => cells.map((text) => ({ text, bold: true }));

function table(headers: string[], rows: string[][]): Content {
  return {
    table: {
      headerRows: 1,
      widths: ["*", ...headers.slice(1).map(() => "auto")],
      body: [header(headers), ...rows],
    },
    layout: "lightHorizontalLines",
    margin: [0, 2, 0, 4],
  };
}

/** A figure: its label, the table, then its written definition. */
function figure(key: FigureKey, body: Content): Content[] {
  const { label, definition } = statisticsDefinitions[key];
  return [{ text: label, style: "figure" }, body, { text: definition, style: "definition" }];
}

const splitRow = (label: string, split: SplitCells, format = countText) => [
  label,
  format(split.women),
  format(split.men),
  format(split.total),
];

const splitTable = (first: string, rows: [string, SplitCells][], format = countText) =>
  table(
    [first, ...reportTexts.sexHeaders],
    rows.map(([label, split]) => splitRow(label, split, format)),
  );

function casesNow(report: AnnualReport): Content[] {
  const f = report.figures;
  const sum = (rows: SplitCells[]): SplitCells => ({
    total: rows.reduce((n, r) => n + (r.total ?? 0), 0),
    women: rows.reduce((n, r) => n + (r.women ?? 0), 0),
    men: rows.reduce((n, r) => n + (r.men ?? 0), 0),
  });
  return [
    { text: "Sjukfall", style: "heading" },
    { text: reportTexts.day(report.day), style: "definition" },
    ...figure("ongoing", splitTable("Mått", [["Pågående sjukfall", f.ongoing]])),
    ...figure(
      "ongoingByLength",
      splitTable(
        "Längd",
        f.ongoingByLength.map((r) => [bucketText(r.bucket), r]),
      ),
    ),
    ...figure(
      "ongoingByGrade",
      splitTable(
        "Grad",
        f.ongoingByGrade.map((r) => [`${r.grade} %`, r]),
      ),
    ),
    ...figure(
      "ongoingByGroup",
      splitTable(
        "Diagnosgrupp",
        report.ongoingByGroup.map((r) => [r.label, r]),
      ),
    ),
    ...figure(
      "sjuktal",
      report.listed
        ? splitTable(
            "Mått",
            [
              ["Listade patienter", report.listed],
              ["Sjuktal (per 1 000 listade)", report.sjuktal],
            ],
            numberText,
          )
        : { text: reportTexts.noListing },
    ),
    ...figure(
      "newCases",
      splitTable("Månad", [
        ...f.newCases.map((r): [string, SplitCells] => [r.period, r]),
        ["Summa", sum(f.newCases)],
      ]),
    ),
  ];
}

function kompletteringar(report: AnnualReport): Content[] {
  const k = report.figures.kompletteringar;
  const doctorRows = k.byDoctor.map((row) => [
    row.name,
    countText(row.sent),
    countText(row.withKomplettering),
    rateText(row.rate),
  ]);
  const monthRows = report.kompletteringByMonth.map((row) => [
    row.period,
    countText(row.sent.women),
    countText(row.sent.men),
    countText(row.sent.total),
    countText(row.withKomplettering.total),
    rateText(row.sent.total > 0 ? row.withKomplettering.total / row.sent.total : null),
  ]);
  return [
    { text: "Kompletteringar", style: "heading" },
    ...figure("kompletteringarSent", splitTable("Mått", [["Skickade intyg", k.sent]])),
    ...figure(
      "kompletteringarWithKomplettering",
      splitTable("Mått", [["Intyg med komplettering", k.withKomplettering]]),
    ),
    ...figure("kompletteringarRate", splitTable("Mått", [["Andel med komplettering", k.rate]], rateText)),
    ...figure(
      "kompletteringarByDoctor",
      report.doctors === "OWN" && doctorRows.length === 0
        ? { text: reportTexts.ownOnly }
        : table(["Läkare", "Skickade", "Med komplettering", "Andel"], doctorRows),
    ),
    ...figure(
      "kompletteringarByQuestion",
      table(
        ["Fråga", "Antal"],
        k.byQuestion.map((q) => [q.label, countText(q.count)]),
      ),
    ),
    ...figure(
      "kompletteringAnswerTime",
      splitTable("Mått", [
        ["Besvarade", report.answerTimes.answered],
        ["Obesvarade", report.answerTimes.open],
        ["Mediantid, dagar", report.answerTimes.medianDays],
      ]),
    ),
    ...figure(
      "kompletteringarByPeriod",
      table(
        ["Månad", "Skickade kvinnor", "Skickade män", "Skickade totalt", "Med komplettering", "Andel"],
        monthRows,
      ),
    ),
  ];
}

function equality(report: AnnualReport): Content[] {
  const rows = report.equality.filter((row) => row.comparable);
  const body = rows.map((row) => [
    row.label,
    `${numberText(row.women.medianDays)} / ${numberText(row.men.medianDays)}`,
    numberText(row.lengthDifference) + (row.lengthFlagged ? ` (${reportTexts.large})` : ""),
    `${numberText(row.women.meanGrade)} / ${numberText(row.men.meanGrade)}`,
    numberText(row.gradeDifference) + (row.gradeFlagged ? ` (${reportTexts.large})` : ""),
  ]);
  const headers = [
    "Diagnosgrupp",
    "Mediandagar K / M",
    "Skillnad dagar (K − M)",
    "Medelgrad K / M",
    "Skillnad %-enheter (K − M)",
  ];
  return [
    { text: "Jämställdhet", style: "heading" },
    ...figure("equality", rows.length > 0 ? table(headers, body) : { text: reportTexts.equalityNone }),
  ];
}

function chiefTexts(report: AnnualReport): Content[] {
  const t = report.texts;
  const part = (title: string, value: string): Content[] => [
    { text: title, style: "figure" },
    { text: value.trim() === "" ? reportTexts.noText : value, margin: [0, 0, 0, 6] },
  ];
  const saved = t.versions[0];
  return [
    { text: reportTexts.chief, style: "heading" },
    ...part(reportTexts.summary, t.summary),
    ...part(reportTexts.equality, t.equality),
    ...part(reportTexts.actions, t.actions),
    ...(saved
      ? [{ text: reportTexts.version(saved.version, saved.savedBy, saved.savedAt), style: "definition" }]
      : []),
  ];
}

export function annualReportDocument(report: AnnualReport): TDocumentDefinitions {
  return {
    ...pageFrame({
      title: `${reportTexts.title} – ${report.period.label}`,
      margins: [40, 40, 40, 40],
      fontSize: 9,
      createdAt: new Date(report.printedAt),
    }),
    content: [
      { text: `${reportTexts.title} – ${report.unitName}`, style: "title" },
      { text: report.period.label, style: "subtitle" },
      { text: reportTexts.printed(stockholmDateTimeText(new Date(report.printedAt))), style: "definition" },
      { text: statisticsDefinitions.sex.definition, style: "definition" },
      ...chiefTexts(report),
      ...casesNow(report),
      ...equality(report),
      ...kompletteringar(report),
    ],
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 12, margin: [0, 0, 0, 6] },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      figure: { fontSize: 10, bold: true, margin: [0, 6, 0, 0] },
      definition: { fontSize: 8, italics: true, color: "#333333", margin: [0, 0, 0, 4] },
    },
  };
}

export function renderAnnualReportPdf(report: AnnualReport): Promise<Buffer> {
  return renderPdfDocument(annualReportDocument(report));
}
