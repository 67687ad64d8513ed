/**
 * The report periods of the annual report (issue #10 item 5), as Swedish regions report: each
 * period runs from January of its year, cumulatively, as the regions' uppföljning does —
 *
 * - `ÅÅÅÅ-T1`: tertialrapport 1, januari–april;
 * - `ÅÅÅÅ-T2`: delårsrapport, januari–augusti (the delårsbokslut: most regions close the delår
 *   after eight months, the period the law on municipal accounting lets them choose, LKBR 13 kap.);
 * - `ÅÅÅÅ`: årsbokslut, januari–december.
 */

export const REPORT_PERIOD_KINDS = {
  T1: { months: 4, lastDay: "04-30", name: "Tertialrapport 1", span: "januari–april" },
  T2: { months: 8, lastDay: "08-31", name: "Delårsrapport", span: "januari–augusti" },
  AR: { months: 12, lastDay: "12-31", name: "Årsbokslut", span: "januari–december" },
} as const;

export type ReportPeriodKind = keyof typeof REPORT_PERIOD_KINDS;

export interface ReportPeriod {
  /** As written in URLs and storage: `2026`, `2026-T1`, `2026-T2`. */
  id: string;
  kind: ReportPeriodKind;
  year: number;
  /** First and last month, ÅÅÅÅ-MM. */
  from: string;
  to: string;
  /** First and last day, ÅÅÅÅ-MM-DD. */
  firstDay: string;
  lastDay: string;
  /** "Delårsrapport 2026 (januari–augusti)". */
  label: string;
}

const pattern = /^(\d{4})(?:-(T1|T2))?$/;

/** The period written as `ÅÅÅÅ`, `ÅÅÅÅ-T1` or `ÅÅÅÅ-T2` (years 2000–2099), else null. */
export function parseReportPeriod(text: string): ReportPeriod | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2099) return null;
  const kind: ReportPeriodKind = match[2] === "T1" ? "T1" : match[2] === "T2" ? "T2" : "AR";
  const { months, lastDay, name, span } = REPORT_PERIOD_KINDS[kind];
  const to = `${year}-${String(months).padStart(2, "0")}`;
  return {
    id: text,
    kind,
    year,
    from: `${year}-01`,
    to,
    firstDay: `${year}-01-01`,
    lastDay: `${year}-${lastDay}`,
    label: `${name} ${year} (${span})`,
  };
}

/**
 * The day the report's "now" figures are seen from: the period's last day, or today while the
 * period is still running.
 */
export function reportDay(period: ReportPeriod, today: string): string {
  return today < period.lastDay ? today : period.lastDay;
}

/** The periods a chief picks from: this year's and last year's, latest first. */
export function recentReportPeriods(today: string): ReportPeriod[] {
  const year = Number(today.slice(0, 4));
  const ids = [year, year - 1].flatMap((y) => [`${y}`, `${y}-T2`, `${y}-T1`]);
  return ids.map((id) => parseReportPeriod(id)!).filter((p) => p.firstDay <= today);
}
