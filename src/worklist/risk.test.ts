import { describe, expect, it } from "vitest";
import { assessRisk, groupShares, riskLevelOf, type RiskFacts } from "./risk.ts";

const base: RiskFacts = {
  caseStart: "2026-10-01",
  days: 20,
  certificateCount: 1,
  currentGrade: 50,
  fmbLimitDays: 90,
  groupShare: null,
  earlierEpisodes: [],
  openKompletteringar: [],
};

const codes = (facts: Partial<RiskFacts>) => assessRisk({ ...base, ...facts }).flags.map((f) => f.code);

describe("early risk score", () => {
  it("has no flag and score 0 for a short, first, uncomplicated case", () => {
    expect(assessRisk(base)).toEqual({ score: 0, level: "INGEN", flags: [] });
  });

  it("flags a diagnosis group with a high share of long cases, with the unit's figures", () => {
    const assessment = assessRisk({
      ...base,
      groupShare: { group: "Psykiska sjukdomar", cases: 20, longCases: 6 },
    });
    expect(assessment.flags).toHaveLength(1);
    expect(assessment.flags[0]!.code).toBe("LONG_CASE_GROUP");
    expect(assessment.flags[0]!.facts[0]).toContain("6 av 20");
    expect(assessment.flags[0]!.facts[0]).toContain("30 %");
    expect(codes({ groupShare: { group: "X", cases: 20, longCases: 4 } })).toEqual([]);
    // Too few cases to say anything.
    expect(codes({ groupShare: { group: "X", cases: 9, longCases: 9 } })).toEqual([]);
  });

  it("flags recurring sick leave: one episode within 12 months or two within 36", () => {
    expect(codes({ earlierEpisodes: [{ start: "2026-01-01", end: "2026-02-01", days: 32 }] })).toEqual([
      "RECURRING",
    ]);
    expect(codes({ earlierEpisodes: [{ start: "2025-01-01", end: "2025-02-01", days: 32 }] })).toEqual([]);
    const two = [
      { start: "2025-01-01", end: "2025-02-01", days: 32 },
      { start: "2024-03-01", end: "2024-03-20", days: 20 },
    ];
    const assessment = assessRisk({ ...base, earlierEpisodes: two });
    expect(assessment.flags.map((f) => f.code)).toEqual(["RECURRING"]);
    expect(assessment.flags[0]!.facts).toEqual([
      "Tidigare sjukfall 2025-01-01 – 2025-02-01 (32 dagar).",
      "Tidigare sjukfall 2024-03-01 – 2024-03-20 (20 dagar).",
    ]);
    // Older than 36 months does not count.
    expect(
      codes({ earlierEpisodes: [two[0]!, { start: "2023-01-01", end: "2023-09-01", days: 244 }] }),
    ).toEqual([]);
  });

  it("weighs exceeding FMB 2 and nearing it 1; equal to the limit is not exceeding", () => {
    expect(assessRisk({ ...base, days: 91 }).flags).toEqual([
      expect.objectContaining({ code: "FMB_EXCEEDED", weight: 2 }),
    ]);
    expect(codes({ days: 90 })).toEqual(["FMB_NEAR"]);
    expect(codes({ days: 72 })).toEqual(["FMB_NEAR"]);
    expect(codes({ days: 71 })).toEqual([]);
    expect(codes({ days: 500, fmbLimitDays: null })).toEqual([]);
  });

  it("flags three renewals, open kompletteringar and 100 % for long", () => {
    expect(codes({ certificateCount: 3 })).toEqual([]);
    expect(codes({ certificateCount: 4 })).toEqual(["MANY_RENEWALS"]);
    expect(codes({ openKompletteringar: [{ receivedDate: "2026-10-10", lastAnswerDate: null }] })).toEqual([
      "OPEN_KOMPLETTERING",
    ]);
    expect(codes({ currentGrade: 100, days: 60 })).toEqual([]);
    expect(codes({ currentGrade: 100, days: 61 })).toEqual(["FULL_TIME_LONG"]);
    expect(codes({ currentGrade: 75, days: 61 })).toEqual([]);
  });

  it("scores the sum of the weights and names every flag's facts", () => {
    const assessment = assessRisk({
      ...base,
      days: 100,
      currentGrade: 100,
      certificateCount: 5,
      openKompletteringar: [{ receivedDate: "2026-10-10", lastAnswerDate: "2026-10-24" }],
    });
    expect(assessment.flags.map((f) => f.code)).toEqual([
      "FMB_EXCEEDED",
      "MANY_RENEWALS",
      "OPEN_KOMPLETTERING",
      "FULL_TIME_LONG",
    ]);
    expect(assessment.score).toBe(5);
    expect(assessment.level).toBe("HOG");
    for (const flag of assessment.flags) expect(flag.facts.length).toBeGreaterThan(0);
  });

  it("maps scores to levels", () => {
    expect([0, 1, 2, 3, 4].map(riskLevelOf)).toEqual(["INGEN", "LAG", "FORHOJD", "FORHOJD", "HOG"]);
  });
});

describe("group shares", () => {
  it("counts ended cases of the last three years per group, long = more than 90 days", () => {
    const groupOf = (code: string) =>
      code.startsWith("F") ? "Psykiska" : code.startsWith("M") ? "Muskler" : null;
    const shares = groupShares(
      [
        { end: "2026-01-01", days: 91, diagnoses: ["F432"] },
        { end: "2026-02-01", days: 90, diagnoses: ["F320"] },
        { end: "2026-03-01", days: 200, diagnoses: ["M545"] },
        { end: "2023-01-01", days: 200, diagnoses: ["F432"] }, // older than three years
        { end: "2026-12-01", days: 200, diagnoses: ["F432"] }, // not ended
        { end: "2026-03-01", days: 200, diagnoses: ["X999"] }, // no group
      ],
      "2026-11-16",
      groupOf,
    );
    expect(shares.get("Psykiska")).toEqual({ group: "Psykiska", cases: 2, longCases: 1 });
    expect(shares.get("Muskler")).toEqual({ group: "Muskler", cases: 1, longCases: 1 });
    expect(shares.size).toBe(2);
  });
});
