/**
 * Early risk identification (PRODUCT §4, seed 000: find early the patients at risk of a long sick
 * leave). A transparent rule score, never a black box: each rule that fires is a flag carrying the
 * facts that raised it, and the score is the sum of the flags' weights, shown with them.
 *
 * Rules (constants below):
 * - LONG_CASE_GROUP: the case's diagnosis group has a high share of long cases (> 90 days) among the
 *   unit's own ended cases of the last three years (at least 10 cases, at least 25 %).
 * - RECURRING: earlier sick-leave episodes on the unit — one ended in the 12 months before this
 *   case started, or two or more in the 36 months before.
 * - FMB_EXCEEDED (weight 2): longer than FMB recommends; FMB_NEAR: at least 80 % of it.
 * - MANY_RENEWALS: renewed three times or more (four or more certificates in the case).
 * - OPEN_KOMPLETTERING: a komplettering from Försäkringskassan not yet answered.
 * - FULL_TIME_LONG: 100 % sick leave today in a case longer than 60 days.
 */
import { addDays, dayNumber } from "../cases/days.ts";

export const LONG_CASE_DAYS = 90;
export const GROUP_MIN_CASES = 10;
export const GROUP_LONG_SHARE = 0.25;
export const RECURRING_RECENT_MONTHS = 12;
export const RECURRING_WINDOW_MONTHS = 36;
export const FMB_NEAR_SHARE = 0.8;
export const MANY_RENEWALS = 3;
export const FULL_TIME_LONG_DAYS = 60;

export const riskFlagLabels = {
  LONG_CASE_GROUP: "Diagnosgrupp med många långa sjukfall",
  RECURRING: "Återkommande sjukskrivning",
  FMB_EXCEEDED: "Längre än FMB rekommenderar",
  FMB_NEAR: "Närmar sig FMB:s rekommenderade längd",
  MANY_RENEWALS: "Många förlängningar",
  OPEN_KOMPLETTERING: "Obesvarad komplettering",
  FULL_TIME_LONG: "Heltidssjukskriven länge",
} as const;
export type RiskFlagCode = keyof typeof riskFlagLabels;

export const riskLevels = { INGEN: "Ingen", LAG: "Låg", FORHOJD: "Förhöjd", HOG: "Hög" } as const;
export type RiskLevel = keyof typeof riskLevels;

export interface RiskFlag {
  code: RiskFlagCode;
  label: string;
  weight: number;
  /** The facts that raised the flag, in Swedish, each a sentence. */
  facts: string[];
}

export interface RiskAssessment {
  score: number;
  level: RiskLevel;
  flags: RiskFlag[];
}

export interface GroupShare {
  group: string;
  cases: number;
  longCases: number;
}

export interface RiskFacts {
  caseStart: string;
  days: number;
  certificateCount: number;
  currentGrade: number | null;
  fmbLimitDays: number | null;
  /** The unit's ended cases of the case's diagnosis group; null when the group is unknown. */
  groupShare: GroupShare | null;
  /** The patient's earlier cases on the unit (any order). */
  earlierEpisodes: { start: string; end: string; days: number }[];
  /** Open kompletteringar on the patient. */
  openKompletteringar: { receivedDate: string; lastAnswerDate: string | null }[];
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

function groupFlag(share: GroupShare | null): RiskFlag | null {
  if (!share || share.cases < GROUP_MIN_CASES) return null;
  const ratio = share.longCases / share.cases;
  if (ratio < GROUP_LONG_SHARE) return null;
  return flag("LONG_CASE_GROUP", 1, [
    `Diagnosgrupp ${share.group}: ${share.longCases} av ${share.cases} avslutade sjukfall på enheten ` +
      `de senaste tre åren (${percent(ratio)}) varade mer än ${LONG_CASE_DAYS} dagar.`,
  ]);
}

function recurringFlag(facts: RiskFacts): RiskFlag | null {
  const dayBefore = addDays(facts.caseStart, -1);
  const recentFrom = monthsBefore(facts.caseStart, RECURRING_RECENT_MONTHS);
  const windowFrom = monthsBefore(facts.caseStart, RECURRING_WINDOW_MONTHS);
  const inWindow = facts.earlierEpisodes
    .filter((e) => e.end <= dayBefore && e.end >= windowFrom)
    .sort((a, b) => (a.start < b.start ? 1 : -1));
  const recent = inWindow.filter((e) => e.end >= recentFrom);
  if (recent.length === 0 && inWindow.length < 2) return null;
  return flag(
    "RECURRING",
    1,
    inWindow.map(
      (e) =>
        `Tidigare sjukfall ${e.start} – ${e.end} (${e.days} dagar)` +
        (e.end >= recentFrom ? `, inom ${RECURRING_RECENT_MONTHS} månader före detta sjukfall.` : "."),
    ),
  );
}

function fmbFlag(facts: RiskFacts): RiskFlag | null {
  const limit = facts.fmbLimitDays;
  if (limit === null) return null;
  const fact = `Sjukfallet är ${facts.days} dagar; FMB rekommenderar högst ${limit} dagar för diagnosen.`;
  if (facts.days > limit) return flag("FMB_EXCEEDED", 2, [fact]);
  if (facts.days >= Math.ceil(limit * FMB_NEAR_SHARE)) return flag("FMB_NEAR", 1, [fact]);
  return null;
}

function renewalsFlag(facts: RiskFacts): RiskFlag | null {
  const renewals = facts.certificateCount - 1;
  if (renewals < MANY_RENEWALS) return null;
  return flag("MANY_RENEWALS", 1, [
    `Sjukskrivningen har förlängts ${renewals} gånger (${facts.certificateCount} intyg i sjukfallet).`,
  ]);
}

function kompletteringFlag(facts: RiskFacts): RiskFlag | null {
  if (facts.openKompletteringar.length === 0) return null;
  return flag(
    "OPEN_KOMPLETTERING",
    1,
    facts.openKompletteringar.map(
      (k) =>
        `Komplettering mottagen ${k.receivedDate}` +
        (k.lastAnswerDate ? `, sista svarsdag ${k.lastAnswerDate}` : "") +
        ", ännu inte besvarad.",
    ),
  );
}

function fullTimeFlag(facts: RiskFacts): RiskFlag | null {
  if (facts.currentGrade !== 100 || facts.days <= FULL_TIME_LONG_DAYS) return null;
  return flag("FULL_TIME_LONG", 1, [
    `Sjukskriven 100 % i ett sjukfall som är ${facts.days} dagar (mer än ${FULL_TIME_LONG_DAYS}).`,
  ]);
}

function flag(code: RiskFlagCode, weight: number, facts: string[]): RiskFlag {
  return { code, label: riskFlagLabels[code], weight, facts };
}

export function riskLevelOf(score: number): RiskLevel {
  if (score === 0) return "INGEN";
  if (score === 1) return "LAG";
  return score <= 3 ? "FORHOJD" : "HOG";
}

export function assessRisk(facts: RiskFacts): RiskAssessment {
  const flags = [
    groupFlag(facts.groupShare),
    recurringFlag(facts),
    fmbFlag(facts),
    renewalsFlag(facts),
    kompletteringFlag(facts),
    fullTimeFlag(facts),
  ].filter((f): f is RiskFlag => f !== null);
  const score = flags.reduce((sum, f) => sum + f.weight, 0);
  return { score, level: riskLevelOf(score), flags };
}

/**
 * Share of long cases per diagnosis group among cases that ended in the three years before today
 * (the facts of LONG_CASE_GROUP). `groupOf` maps a diagnosis code to its group name.
 */
export function groupShares(
  cases: readonly { end: string; days: number; diagnoses: readonly string[] }[],
  today: string,
  groupOf: (code: string) => string | null,
): Map<string, GroupShare> {
  const from = monthsBefore(today, 36);
  const shares = new Map<string, GroupShare>();
  const todayNumber = dayNumber(today);
  for (const c of cases) {
    if (c.end < from || dayNumber(c.end) >= todayNumber) continue;
    const group = c.diagnoses[0] ? groupOf(c.diagnoses[0]) : null;
    if (group === null) continue;
    const share = shares.get(group) ?? { group, cases: 0, longCases: 0 };
    share.cases++;
    if (c.days > LONG_CASE_DAYS) share.longCases++;
    shares.set(group, share);
  }
  return shares;
}
