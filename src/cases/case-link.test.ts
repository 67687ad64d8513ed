import { describe, expect, it } from "vitest";
import { linkedCase } from "./case-link.ts";

const cases = [
  { start: "2026-09-20", end: "2026-12-20", certificateIds: ["early", "c1"] },
  { start: "2026-06-01", end: "2026-06-30", certificateIds: ["old"] },
];

describe("a link to a case survives a moved start", () => {
  it("follows the linked certificate whatever the case's start is now", () => {
    expect(linkedCase(cases, { certificateId: "c1", caseStart: "2026-10-01" })).toBe(cases[0]);
    expect(linkedCase(cases, { certificateId: "old", caseStart: "2026-10-01" })).toBe(cases[1]);
  });

  it("falls back to the case whose span holds the recorded start", () => {
    expect(linkedCase(cases, { certificateId: null, caseStart: "2026-10-01" })).toBe(cases[0]);
    expect(linkedCase(cases, { certificateId: "gone", caseStart: "2026-06-15" })).toBe(cases[1]);
    expect(linkedCase(cases, { certificateId: "gone", caseStart: "2026-08-01" })).toBeNull();
  });
});
