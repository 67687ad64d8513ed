import { describe, expect, it } from "vitest";
import { addDays } from "../cases/days.ts";
import type { SjukfallCertificate } from "../cases/types.ts";
import { loadIcd10 } from "../reference/icd10/load.ts";
import { statisticsDefinitions } from "./definitions.ts";
import { casesByDiagnosis, chapterClassifier } from "./diagnosis.ts";
import { EQUALITY_THRESHOLDS } from "./equality.ts";
import { computeFurtherFigures, suppressFurtherFigures } from "./further.ts";
import type { LongCaseFollowUp } from "./long-cases.ts";
import { unitList } from "../cases/engine.ts";
import {
  certificates,
  cert,
  M1,
  M2,
  MORE_MEN,
  MORE_WOMEN,
  SM,
  SW,
  TODAY,
  W1,
  W2,
  W3,
} from "./test-fixtures.ts";

const icd10 = loadIcd10();
const split = (total: number | null, women: number | null, men: number | null) => ({ total, women, men });

/** Follow-up of the main fixture's long cases: W1 went all the way, SW was decided only. */
const followUp = new Map<string, LongCaseFollowUp>([
  [W1, { decided: true, reachedTeam: true, hasPlan: true }],
  [SW, { decided: true, reachedTeam: false, hasPlan: false }],
]);
const options = {
  today: TODAY,
  icd10,
  followUpOf: (c: { patient: string }) => followUp.get(c.patient),
  listed: { total: 3000, women: 1000, men: 2000 },
};

describe("further figures on the main fixture", () => {
  // Ongoing: W1 M545 50 days (anchor D2), M1 S52 16 days (D1), SW F432 214 days (D2), SM F432 12 days (D3).
  const figures = computeFurtherFigures(certificates, options);

  it("counts the ongoing cases by diagnosis chapter and group", () => {
    expect(figures.ongoingByChapter).toEqual([
      {
        key: "F00-F99",
        label: "F00-F99 Psykiska sjukdomar och syndrom samt beteendestörningar",
        ...split(2, 1, 1),
      },
      {
        key: "M00-M99",
        label: "M00-M99 Sjukdomar i muskuloskeletala systemet och bindväven",
        ...split(1, 1, 0),
      },
      {
        key: "S00-T98",
        label: "S00-T98 Skador, förgiftningar och vissa andra följder av yttre orsaker",
        ...split(1, 0, 1),
      },
    ]);
    expect(figures.ongoingByGroup).toEqual([
      { key: "F00", label: "Psykiska sjukdomar", ...split(2, 1, 1) },
      { key: "M00", label: "Muskuloskeletala sjukdomar", ...split(1, 1, 0) },
      { key: "P00", label: "Övrigt", ...split(1, 0, 1) },
    ]);
  });

  it("counts the cases over 30 days and how many were decided, reached the team and got a plan", () => {
    expect(figures.longCases).toEqual({
      longCases: split(2, 2, 0), // W1 (50 days) and SW (214); M1 (16) and SM (12) are not
      decided: split(2, 2, 0),
      reachedTeam: split(1, 1, 0),
      withPlan: split(1, 1, 0),
    });
  });

  it("counts a case of 31 days as long, one of 30 days not", () => {
    const ending = (id: string, patient: string, days: number) =>
      cert({ id, patient, periods: [{ from: addDays(TODAY, 1 - days), to: TODAY, grade: 100 }] });
    const border = computeFurtherFigures([ending("a", W1, 30), ending("b", M1, 31)], { today: TODAY, icd10 });
    expect(border.ongoing).toEqual(split(2, 1, 1));
    expect(border.longCases.longCases).toEqual(split(1, 0, 1));
  });

  it("counts ongoing and long cases per doctor of the anchor certificate", () => {
    expect(figures.ongoingByDoctor).toEqual([
      { doctor: "D1", ongoing: split(1, 0, 1), longerThan30Days: split(0, 0, 0) },
      { doctor: "D2", ongoing: split(2, 2, 0), longerThan30Days: split(2, 2, 0) },
      { doctor: "D3", ongoing: split(1, 0, 1), longerThan30Days: split(0, 0, 0) },
    ]);
  });

  it("gives sjuktal per 1,000 listed with one decimal, null where nobody is listed", () => {
    expect(figures.sjuktal).toEqual({ total: 1.3, women: 2, men: 1 });
    const unlisted = computeFurtherFigures(certificates, { ...options, listed: undefined });
    expect(unlisted.sjuktal).toEqual({ total: null, women: null, men: null });
  });

  it("suppresses counts, the other sex, and a sjuktal whose count is hidden (N = 3)", () => {
    const suppressed = suppressFurtherFigures(figures, 3);
    expect(suppressed.ongoingByChapter.map(({ total, women, men }) => [total, women, men])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    expect(suppressed.longCases.longCases).toEqual(split(null, null, null));
    expect(suppressed.ongoingByDoctor[1]).toEqual({
      doctor: "D2",
      ongoing: split(null, null, null),
      longerThan30Days: split(null, null, null),
    });
    expect(suppressed.sjuktal).toEqual({ total: 1.3, women: null, men: null });
  });
});

describe("unknown diagnoses", () => {
  it("puts a case whose diagnosis is no code in the unknown row, last", () => {
    const certs = [
      cert({ id: "x", patient: W1, diagnosis: "ryggont", periods: [{ from: TODAY, to: TODAY, grade: 100 }] }),
      cert({ id: "y", patient: M1, diagnosis: "J06", periods: [{ from: TODAY, to: TODAY, grade: 100 }] }),
    ];
    const rows = casesByDiagnosis(unitList(certs, { today: TODAY }), chapterClassifier(icd10));
    expect(rows.map((row) => [row.key, row.total, row.women, row.men])).toEqual([
      ["J00-J99", 1, 0, 1],
      ["~", 1, 1, 0],
    ]);
    expect(rows[1]!.label).toBe("Okänd diagnos");
  });
});

describe("equality indicator", () => {
  /** An ongoing case of `days` days ending today, at `grade`, on its own unit. */
  const ongoing = (
    id: string,
    patient: string,
    unit: string,
    diagnosis: string,
    days: number,
    grade: number,
  ) =>
    cert({
      id,
      patient,
      unit,
      diagnosis,
      signed: `${addDays(TODAY, 1 - days)}T10:00:00`,
      periods: [{ from: addDays(TODAY, 1 - days), to: addDays(TODAY, 10), grade }],
    });
  const women = [W1, W2, W3, SW, MORE_WOMEN[1]];
  const men = [M1, M2, SM, MORE_MEN[0], MORE_MEN[1]];
  const group = (unit: string, diagnosis: string, sexes: [string[], number[], number[]][]) =>
    sexes.flatMap(([patients, days, grades]) =>
      days.map((d, i) => ongoing(`${unit}-${patients[i]}`, patients[i]!, unit, diagnosis, d, grades[i]!)),
    );
  // Lengths count to today and 10 more days: a case of `days` here is days + 10 long.
  const certs: SjukfallCertificate[] = [
    // Psykiska: women median 80 (+10), men 50 (+10); grades 80 and 50 on average: both flagged.
    ...group("U1", "F432", [
      [women, [60, 70, 80, 90, 100], [100, 100, 50, 50, 100]],
      [men, [30, 40, 50, 60, 70], [50, 50, 50, 50, 50]],
    ]),
    // Muskuloskeletala: medians 200 and 180 (+10): 20 days, but under 25 % of 210; grades 25 and 35.
    ...group("U2", "M545", [
      [women, [150, 190, 200, 210, 250], [25, 25, 25, 25, 25]],
      [men, [100, 170, 180, 185, 300], [25, 25, 25, 25, 75]],
    ]),
    // Övrigt: four women only, too few to compare.
    ...group("U3", "S52", [
      [women.slice(0, 4), [10, 20, 30, 41], [100, 100, 100, 100]],
      [men, [5, 5, 5, 5, 5], [100, 100, 100, 100, 100]],
    ]),
  ];
  const rows = computeFurtherFigures(certs, { today: TODAY, icd10 }).equality;

  it("compares median length and mean grade of women and men per diagnosis group", () => {
    expect(rows).toEqual([
      {
        key: "F00",
        label: "Psykiska sjukdomar",
        women: { cases: 5, medianDays: 90, meanGrade: 80 },
        men: { cases: 5, medianDays: 60, meanGrade: 50 },
        comparable: true,
        lengthDifference: 30,
        gradeDifference: 30,
        lengthFlagged: true,
        gradeFlagged: true,
      },
      {
        key: "M00",
        label: "Muskuloskeletala sjukdomar",
        women: { cases: 5, medianDays: 210, meanGrade: 25 },
        men: { cases: 5, medianDays: 190, meanGrade: 35 },
        comparable: true,
        lengthDifference: 20,
        gradeDifference: -10,
        lengthFlagged: false,
        gradeFlagged: true,
      },
      {
        key: "P00",
        label: "Övrigt",
        women: { cases: 4, medianDays: 35, meanGrade: 100 },
        men: { cases: 5, medianDays: 15, meanGrade: 100 },
        comparable: false,
        lengthDifference: null,
        gradeDifference: null,
        lengthFlagged: false,
        gradeFlagged: false,
      },
    ]);
  });

  it("shows differences to readers outside the unit only where each sex has at least N cases", () => {
    const figures = computeFurtherFigures(certs, { today: TODAY, icd10 });
    const suppressed = suppressFurtherFigures(figures, 6);
    expect(suppressed.equality[0]).toEqual({
      key: "F00",
      label: "Psykiska sjukdomar",
      comparable: true,
      lengthDifference: null,
      gradeDifference: null,
      lengthFlagged: true,
      gradeFlagged: true,
    });
    expect(suppressFurtherFigures(figures, 5).equality[0]).toMatchObject({
      lengthDifference: 30,
      gradeDifference: 30,
    });
  });

  it("has a written definition for every further figure", () => {
    const figures = computeFurtherFigures([], { today: TODAY, icd10 });
    for (const key of Object.keys(figures).filter((k) => k !== "ongoing"))
      expect(statisticsDefinitions, key).toHaveProperty(key);
    for (const key of Object.keys(figures.longCases)) {
      const name = key === "longCases" ? key : `longCases${key[0]!.toUpperCase()}${key.slice(1)}`;
      expect(statisticsDefinitions, name).toHaveProperty(name);
    }
  });

  it("states the thresholds it uses in its written definition", () => {
    const text = statisticsDefinitions.equality.definition;
    expect(text).toContain(`minst ${EQUALITY_THRESHOLDS.minCases} sjukfall`);
    expect(text).toContain(`minst ${EQUALITY_THRESHOLDS.lengthDays} dagar`);
    expect(text).toContain(`minst ${EQUALITY_THRESHOLDS.lengthShare * 100} procent`);
    expect(text).toContain(`minst ${EQUALITY_THRESHOLDS.gradePoints} procentenheter`);
  });
});
