/**
 * The statistics answer as a file: one row per figure, group and period (the chosen period and the
 * same period a year earlier), with total, women and men side by side. CSV is semicolon separated,
 * UTF-8 with BOM (as Swedish Excel opens it); XLSX has the figures and a sheet of definitions.
 * A suppressed count is written "..", as official Swedish statistics mark a hidden cell.
 */
import writeXlsxFile from "write-excel-file/node";
import { csvCell } from "../worklist/export.ts";
import { statisticsDefinitions } from "./definitions.ts";
import type { AnswerTimesView, FurtherFiguresView, StatisticsResponse, UnitFigures } from "./schema.ts";

type Cell = string | number | null;

export const exportHeader = ["Enhet", "Figur", "Grupp", "Period", "Mått", "Totalt", "Kvinnor", "Män"];

const hidden = "..";
const shown = (value: number | null): Cell => (value === null ? hidden : value);

const lengthLabel = (bucket: string) => `${bucket.replace("-", "–")}${bucket.endsWith("-") ? "" : " dagar"}`;

function figureRows(unit: string, period: string, f: UnitFigures): Cell[][] {
  const split = (figure: string, group: string, measure: string, s: UnitFigures["ongoing"]): Cell[] => [
    unit,
    figure,
    group,
    period,
    measure,
    shown(s.total),
    shown(s.women),
    shown(s.men),
  ];
  const d = statisticsDefinitions;
  const k = f.kompletteringar;
  return [
    split(d.ongoing.label, "", "Antal", f.ongoing),
    ...f.ongoingByLength.map((row) => split(d.ongoingByLength.label, lengthLabel(row.bucket), "Antal", row)),
    ...f.ongoingByGrade.map((row) => split(d.ongoingByGrade.label, `${row.grade} %`, "Antal", row)),
    ...f.newCases.map((row) => split(d.newCases.label, row.period, "Antal", row)),
    split(d.kompletteringarSent.label, "", "Antal", k.sent),
    split(d.kompletteringarWithKomplettering.label, "", "Antal", k.withKomplettering),
    [unit, d.kompletteringarRate.label, "", period, "Andel", k.rate.total, k.rate.women, k.rate.men],
    ...k.byDoctor.flatMap((row) => [
      [
        unit,
        d.kompletteringarByDoctor.label,
        row.name,
        period,
        "Skickade intyg",
        shown(row.sent),
        null,
        null,
      ],
      [
        unit,
        d.kompletteringarByDoctor.label,
        row.name,
        period,
        "Intyg med komplettering",
        shown(row.withKomplettering),
        null,
        null,
      ],
      [unit, d.kompletteringarByDoctor.label, row.name, period, "Andel", row.rate, null, null],
    ]),
    ...k.byQuestion.map((row) => [
      unit,
      d.kompletteringarByQuestion.label,
      `${row.question} ${row.label}`,
      period,
      "Antal",
      shown(row.count),
      null,
      null,
    ]),
  ];
}

function longCaseRows(unit: string, today: string, long: FurtherFiguresView["longCases"]): Cell[][] {
  const d = statisticsDefinitions;
  const row = (label: string, s: FurtherFiguresView["longCases"]["decided"]): Cell[] => [
    unit,
    label,
    "",
    today,
    "Antal",
    shown(s.total),
    shown(s.women),
    shown(s.men),
  ];
  return [
    row(d.longCases.label, long.longCases),
    row(`${d.longCases.label}: ${d.longCasesDecided.label.toLowerCase()}`, long.decided),
    row(`${d.longCases.label}: ${d.longCasesReachedTeam.label.toLowerCase()}`, long.reachedTeam),
    row(`${d.longCases.label}: ${d.longCasesWithPlan.label.toLowerCase()}`, long.withPlan),
  ];
}

function furtherRows(unit: string, today: string, further: FurtherFiguresView): Cell[][] {
  const d = statisticsDefinitions;
  return [
    ...further.ongoingByChapter.map((row) => [
      unit,
      d.ongoingByChapter.label,
      row.label,
      today,
      "Antal",
      shown(row.total),
      shown(row.women),
      shown(row.men),
    ]),
    ...further.ongoingByGroup.map((row) => [
      unit,
      d.ongoingByGroup.label,
      row.label,
      today,
      "Antal",
      shown(row.total),
      shown(row.women),
      shown(row.men),
    ]),
    ...longCaseRows(unit, today, further.longCases),
    ...further.ongoingByDoctor.flatMap((row) =>
      (
        [
          ["Pågående sjukfall", row.ongoing],
          ["Längre än 30 dagar", row.longerThan30Days],
        ] as const
      ).map(([measure, s]) => [
        unit,
        d.ongoingByDoctor.label,
        row.name,
        today,
        measure,
        shown(s.total),
        shown(s.women),
        shown(s.men),
      ]),
    ),
    [
      unit,
      d.sjuktal.label,
      "",
      today,
      "Per 1 000 listade",
      further.sjuktal.total,
      further.sjuktal.women,
      further.sjuktal.men,
    ],
    ...further.equality.flatMap((row) => [
      [
        unit,
        d.equality.label,
        row.label,
        today,
        "Skillnad i medianlängd, dagar (kvinnor − män)",
        row.lengthDifference,
        null,
        null,
      ],
      [
        unit,
        d.equality.label,
        row.label,
        today,
        "Skillnad i medelgrad, procentenheter (kvinnor − män)",
        row.gradeDifference,
        null,
        null,
      ],
    ]),
  ];
}

const splitCells = (s: UnitFigures["ongoing"]): Cell[] => [shown(s.total), shown(s.women), shown(s.men)];

function answerTimeRows(unit: string, period: string, times: AnswerTimesView): Cell[][] {
  const label = statisticsDefinitions.kompletteringAnswerTime.label;
  // A median hidden with its count reads as hidden; one without answered ärenden stays empty.
  const median = (key: "total" | "women" | "men") =>
    times.answered[key] === null ? hidden : times.medianDays[key];
  return [
    [unit, label, "", period, "Besvarade", ...splitCells(times.answered)],
    [unit, label, "", period, "Obesvarade", ...splitCells(times.open)],
    [unit, label, "", period, "Median, dagar", median("total"), median("women"), median("men")],
    ...times.byDoctor.flatMap((row) => [
      [unit, label, row.name, period, "Besvarade", shown(row.answered), null, null],
      [
        unit,
        label,
        row.name,
        period,
        "Median, dagar",
        row.answered === null ? hidden : row.medianDays,
        null,
        null,
      ],
    ]),
  ];
}

/** Every row of the export, the header first. */
export function exportRows(answer: StatisticsResponse): Cell[][] {
  const rows: Cell[][] = [exportHeader];
  for (const { unit, current, lastYear, further, answerTimes } of answer.units) {
    rows.push(...figureRows(unit.name, `${current.from}–${current.to}`, current));
    rows.push(...figureRows(unit.name, `${lastYear.from}–${lastYear.to}`, lastYear));
    rows.push(...answerTimeRows(unit.name, `${current.from}–${current.to}`, answerTimes.current));
    rows.push(...answerTimeRows(unit.name, `${lastYear.from}–${lastYear.to}`, answerTimes.lastYear));
    rows.push(...furtherRows(unit.name, current.today, further));
  }
  return rows;
}

function noteLines(answer: StatisticsResponse): string[] {
  const first = answer.units[0]?.current;
  return [
    `Sjukskrivningsstatistik per ${first?.today ?? ""}`,
    answer.suppress > 0
      ? `Antal under ${answer.suppress} visas som ${hidden} (små tal döljs).`
      : "Inga antal är dolda.",
  ];
}

export function renderStatisticsCsv(answer: StatisticsResponse): string {
  const lines = [
    ...noteLines(answer).map(csvCell),
    "",
    ...exportRows(answer).map((cells) => cells.map(csvCell).join(";")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function renderStatisticsXlsx(answer: StatisticsResponse): Promise<Buffer> {
  const [header, ...rows] = exportRows(answer);
  const table = [
    header!.map((value) => ({ value: String(value), fontWeight: "bold" as const })),
    ...rows.map((row) => row.map((value) => (value === null ? null : { value }))),
  ];
  const definitions = [
    [
      { value: "Figur", fontWeight: "bold" as const },
      { value: "Definition", fontWeight: "bold" as const },
    ],
    ...Object.values(statisticsDefinitions).map((d) => [{ value: d.label }, { value: d.definition }]),
    [],
    ...noteLines(answer).map((line) => [{ value: line }]),
  ];
  return writeXlsxFile([
    { data: table, sheet: "Statistik", stickyRowsCount: 1 },
    { data: definitions, sheet: "Definitioner" },
  ]).toBuffer();
}
