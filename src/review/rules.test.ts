import { describe, expect, it } from "vitest";
import { checkMark, inReview, markApplies, progressLabel, taskClosing } from "./rules.ts";

const today = "2026-11-30";

describe("the review window", () => {
  const ongoing = (end: string, renewalInProgress = false) =>
    ({ status: "ONGOING", end, renewalInProgress }) as const;

  it("takes ongoing cases ending from today through today + N days", () => {
    expect(inReview(ongoing("2026-11-30"), today, 14)).toBe(true);
    expect(inReview(ongoing("2026-12-14"), today, 14)).toBe(true);
    expect(inReview(ongoing("2026-12-15"), today, 14)).toBe(false);
    expect(inReview(ongoing("2026-12-01"), today, 1)).toBe(true);
    expect(inReview(ongoing("2026-12-02"), today, 1)).toBe(false);
  });

  it("leaves out ended cases and cases with a renewal being written", () => {
    expect(inReview({ status: "ENDED", end: "2026-11-29", renewalInProgress: false }, today, 14)).toBe(false);
    expect(inReview(ongoing("2026-12-05", true), today, 14)).toBe(false);
  });

  it("counts a mark only for the end date it was made for", () => {
    expect(markApplies({ caseEnd: "2026-12-05" }, "2026-12-05")).toBe(true);
    expect(markApplies({ caseEnd: "2026-12-05" }, "2026-12-20")).toBe(false);
    expect(markApplies(null, "2026-12-05")).toBe(false);
    expect(progressLabel(8, 12)).toBe("8 av 12 genomgångna");
  });
});

describe("marks", () => {
  it("needs a reason when förlängning is not relevant, and no visit date", () => {
    expect(checkMark({ mark: "FORLANGNING_EJ_AKTUELL", visitDate: null, note: "  " }, today)).toEqual([
      { path: "note", message: "Ange varför förlängning inte är aktuell." },
    ]);
    expect(
      checkMark(
        { mark: "FORLANGNING_EJ_AKTUELL", visitDate: "2026-12-02", note: "Åter i arbete" },
        today,
      ).map((p) => p.path),
    ).toEqual(["visitDate"]);
    expect(
      checkMark({ mark: "FORLANGNING_EJ_AKTUELL", visitDate: null, note: "Åter i arbete" }, today),
    ).toEqual([]);
  });

  it("takes an optional visit date not before today", () => {
    expect(checkMark({ mark: "ATERBESOK_BOKAT", visitDate: null, note: "" }, today)).toEqual([]);
    expect(checkMark({ mark: "ATERBESOK_BOKAT", visitDate: today, note: "" }, today)).toEqual([]);
    expect(checkMark({ mark: "ATERBESOK_BOKAT", visitDate: "2026-11-29", note: "" }, today)[0]?.path).toBe(
      "visitDate",
    );
  });

  it("closes the ending task as done or not relevant with the reason", () => {
    expect(taskClosing({ mark: "ATERBESOK_BOKAT", visitDate: "2026-12-03", note: "" })).toEqual({
      kind: "DONE",
      note: "Återbesök bokat 2026-12-03 (genomgång)",
    });
    expect(taskClosing({ mark: "FORLANGNING_EJ_AKTUELL", visitDate: null, note: " Friskskriven " })).toEqual({
      kind: "NOT_RELEVANT",
      reason: "Förlängning ej aktuell (genomgång): Friskskriven",
    });
  });
});
