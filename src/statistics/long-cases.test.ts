import { describe, expect, it } from "vitest";
import { caseWithRecordOf } from "./long-cases.ts";

const caseOf = (patient: string, start: string, end: string, certificates: string[]) => ({
  patient,
  start,
  end,
  certificates,
});

describe("caseWithRecordOf", () => {
  const decided = caseWithRecordOf([
    // Linked by a certificate of the case; its recorded start lies outside the case today.
    { patient: "A", certificateId: "a2", caseStart: "2026-01-01" },
    // Without a certificate: the case whose span holds the recorded start.
    { patient: "B", certificateId: null, caseStart: "2026-03-10" },
    // A certificate of B's earlier case: not this case, and its start is not in this case's span.
    { patient: "B", certificateId: "b0", caseStart: "2025-06-01" },
  ]);

  it("finds the decision by a certificate of the case, else by the recorded start", () => {
    expect(decided(caseOf("A", "2026-02-01", "2026-04-30", ["a1", "a2"]))).toBe(true);
    expect(decided(caseOf("B", "2026-03-01", "2026-05-31", ["b1"]))).toBe(true);
  });

  it("does not count another case's decision or another patient's", () => {
    expect(decided(caseOf("A", "2026-06-01", "2026-07-31", ["a3"]))).toBe(false);
    expect(decided(caseOf("B", "2026-06-01", "2026-07-31", ["b2"]))).toBe(false);
    expect(decided(caseOf("C", "2026-03-01", "2026-05-31", ["a2"]))).toBe(false);
  });
});
