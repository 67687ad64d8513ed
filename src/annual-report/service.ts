/**
 * The annual report's data: the chief's texts (read, save in versions) and the unit's figures for
 * the report period — the statistics API's figures seen from the period's last day, the equality
 * indicators and the komplettering follow-up per month and its answer times. Aggregates only, no patient identity.
 */
import { stockholmToday } from "../dates/today.ts";
import type { Tx } from "../db/client.ts";
import { errors } from "../server/errors.ts";
import { loadIcd10 } from "../reference/icd10/load.ts";
import {
  kompletteringAnswerTimes,
  kompletteringarByPeriod,
  type AnswerTimes,
  type KompletteringPeriodRow,
} from "../statistics/komplettering-follow-up.ts";
import { computeFurtherFigures } from "../statistics/further.ts";
import type { DiagnosisRow } from "../statistics/diagnosis.ts";
import type { EqualityRow } from "../statistics/equality.ts";
import type { RateSplit, Split } from "../statistics/split.ts";
import type { StatisticsDoctorScope, UnitFigures } from "../statistics/schema.ts";
import { computeStatistics } from "../statistics/statistics.ts";
import {
  unitCertificates,
  unitGap,
  unitKompletteringar,
  unitListedInMonthOf,
  unitRef,
} from "../statistics/store.ts";
import { figuresView } from "../statistics/view.ts";
import { userNames } from "../worklist/store.ts";
import { reportDay, type ReportPeriod } from "./periods.ts";
import type { ReportTexts, SaveReportTexts } from "./schema.ts";
import { currentReportText, insertReportText, reportTextVersions } from "./store.ts";

export interface ReportScope {
  unitId: string;
  userId: string;
  /** ALL: every doctor by name (chief, MLU); OWN: the user's own row only. */
  doctors: Exclude<StatisticsDoctorScope, "NONE">;
}

/** The texts as the API shows them (empty, version 0, before the first save). */
export async function reportTexts(
  tx: Tx,
  unitId: string,
  period: ReportPeriod,
  canWrite: boolean,
): Promise<ReportTexts> {
  const versions = await reportTextVersions(tx, unitId, period.id);
  const current = versions[0]?.row;
  return {
    period: { id: period.id, label: period.label, from: period.from, to: period.to },
    version: current?.version ?? 0,
    summary: current?.summary ?? "",
    equality: current?.equality ?? "",
    actions: current?.actions ?? "",
    versions: versions.map(({ row, savedByName }) => ({
      version: row.version,
      savedAt: row.savedAt,
      savedBy: savedByName,
    })),
    canWrite,
  };
}

/**
 * Saves the texts as the next version when `input.version` is the current one; otherwise 409 with
 * the current texts (what the other writer saved). Returns the fields that changed.
 */
export async function saveReportTexts(
  tx: Tx,
  ctx: { unitId: string; userId: string; now: Date },
  period: ReportPeriod,
  input: SaveReportTexts,
): Promise<{ texts: ReportTexts; changed: string[] }> {
  const conflict = async () => errors.conflict(await reportTexts(tx, ctx.unitId, period, true));
  const current = await currentReportText(tx, ctx.unitId, period.id);
  if ((current?.version ?? 0) !== input.version) throw await conflict();
  const fields = ["summary", "equality", "actions"] as const;
  const changed = fields.filter((field) => (current?.[field] ?? "") !== input[field]);
  const inserted = await insertReportText(tx, {
    unitId: ctx.unitId,
    period: period.id,
    version: input.version + 1,
    summary: input.summary,
    equality: input.equality,
    actions: input.actions,
    savedBy: ctx.userId,
    savedAt: ctx.now.toISOString(),
  });
  if (!inserted) throw await conflict();
  return { texts: await reportTexts(tx, ctx.unitId, period, true), changed };
}

export interface AnnualReport {
  unitName: string;
  period: ReportPeriod;
  /** When the report was made (ISO instant): printed, and the PDF's creation date. */
  printedAt: string;
  /** The day the "now" figures are counted on: the period's last day, or today while it runs. */
  day: string;
  figures: UnitFigures;
  doctors: ReportScope["doctors"];
  /** Ongoing cases by diagnosis group (the groups of the equality indicator). */
  ongoingByGroup: DiagnosisRow[];
  equality: EqualityRow[];
  /** Listed patients in the report day's month (null: the unit has no listing imported by then). */
  listed: Split | null;
  /** Ongoing cases per 1,000 listed. */
  sjuktal: RateSplit;
  kompletteringByMonth: KompletteringPeriodRow[];
  /** Answer times of the kompletteringar on the certificates sent in the period (the unit's). */
  answerTimes: AnswerTimes;
  texts: ReportTexts;
}

/** Everything the PDF prints, computed for the unit (no suppression: the report stays on the unit). */
export async function annualReport(
  tx: Tx,
  scope: ReportScope,
  period: ReportPeriod,
  now: Date,
): Promise<AnnualReport> {
  const today = stockholmToday(now);
  const unit = await unitRef(tx, scope.unitId);
  if (!unit) throw errors.notFound();
  // The kompletteringar carry their answer day in Swedish time, as every day the statistics count.
  const [certs, arenden, gap] = [
    await unitCertificates(tx, scope.unitId),
    await unitKompletteringar(tx, scope.unitId),
    await unitGap(tx, scope.unitId),
  ];
  const day = reportDay(period, today);
  const range = { from: period.from, to: period.to };
  const answer = computeStatistics(certs, arenden, {
    today: day,
    gap,
    unit: scope.unitId,
    by: "month",
    ...range,
  });
  const ids = answer.kompletteringar.byDoctor
    .map((row) => row.doctor)
    .filter((id) => scope.doctors === "ALL" || id === scope.userId);
  const figures = figuresView(answer, {
    range,
    doctors: scope.doctors,
    userId: scope.userId,
    doctorNames: await userNames(tx, ids),
    acrossRows: false,
  });
  const listed = await unitListedInMonthOf(tx, scope.unitId, day);
  const further = computeFurtherFigures(certs, {
    today: day,
    gap,
    unit: scope.unitId,
    icd10: loadIcd10(),
    listed: listed ?? undefined,
  });
  return {
    unitName: unit.name,
    period,
    printedAt: now.toISOString(),
    day,
    figures,
    doctors: scope.doctors,
    ongoingByGroup: further.ongoingByGroup,
    equality: further.equality,
    listed,
    sjuktal: further.sjuktal,
    kompletteringByMonth: kompletteringarByPeriod(certs, arenden, range, "month", scope.unitId),
    answerTimes: kompletteringAnswerTimes(certs, arenden, {
      first: period.firstDay,
      last: period.lastDay,
      unit: scope.unitId,
    }).all,
    texts: await reportTexts(tx, scope.unitId, period, false),
  };
}
