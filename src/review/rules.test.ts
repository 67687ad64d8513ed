import { describe, expect, it } from "vitest";
import {
  activeOn,
  checkEndEarly,
  checkHandover,
  checkMark,
  handoverState,
  inReview,
  markApplies,
  progressLabel,
  receiversOn,
  suggestedLastDay,
  taskClosing,
  type HandoverPeriod,
} from "./rules.ts";

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

describe("handovers", () => {
  const doctors = new Set(["A", "B", "C"]);
  const h = (over: Partial<HandoverPeriod>): HandoverPeriod => ({
    id: "h1",
    fromDoctorId: "A",
    toDoctorId: "B",
    startDate: "2026-12-01",
    endDate: "2026-12-31",
    endedOn: null,
    ...over,
  });
  const check = (input: Partial<Parameters<typeof checkHandover>[0]>, existing: HandoverPeriod[] = []) =>
    checkHandover(
      { fromDoctorId: "A", toDoctorId: "B", startDate: "2026-12-01", endDate: "2026-12-31", ...input },
      existing,
      doctors,
      today,
    ).map((p) => p.path);

  it("accepts two doctors of the unit and a period ending today or later", () => {
    expect(check({})).toEqual([]);
    expect(check({ startDate: "2026-11-01", endDate: today })).toEqual([]);
  });

  it("refuses unknown or equal doctors and bad periods", () => {
    expect(check({ fromDoctorId: "X" })).toEqual(["fromDoctorId"]);
    expect(check({ toDoctorId: "A" })).toEqual(["toDoctorId"]);
    expect(check({ endDate: "2026-11-30", startDate: "2026-12-01" })).toEqual(["endDate"]);
    expect(check({ startDate: "2026-11-01", endDate: "2026-11-29" })).toEqual(["endDate"]);
    expect(check({ endDate: "2028-12-31" })).toEqual(["endDate"]);
  });

  it("refuses an overlapping handover of the same doctor, sharing one day is an overlap", () => {
    expect(check({ startDate: "2026-12-31", endDate: "2027-01-10" }, [h({})])).toEqual(["startDate"]);
    expect(check({ startDate: "2027-01-01", endDate: "2027-01-10" }, [h({})])).toEqual([]);
    // Ended early or withdrawn: the freed days may be handed over again.
    expect(check({ startDate: "2026-12-20" }, [h({ endedOn: "2026-12-19" })])).toEqual([]);
    expect(check({}, [h({ endedOn: "2026-11-30" })])).toEqual([]);
  });

  it("refuses chains: the receiver away, or the doctor receiving meanwhile", () => {
    expect(check({ fromDoctorId: "C", toDoctorId: "A" }, [h({})])).toEqual(["toDoctorId"]);
    expect(check({ fromDoctorId: "B", toDoctorId: "C" }, [h({})])).toEqual(["fromDoctorId"]);
  });

  it("applies from the start through the last day, and says its state", () => {
    const planned = h({});
    expect(activeOn(planned, "2026-11-30")).toBe(false);
    expect(activeOn(planned, "2026-12-01")).toBe(true);
    expect(activeOn(planned, "2026-12-31")).toBe(true);
    expect(handoverState(planned, today)).toBe("PLANNED");
    expect(handoverState(planned, "2026-12-10")).toBe("ACTIVE");
    expect(handoverState(planned, "2027-01-01")).toBe("ENDED");
    expect(handoverState(h({ endedOn: "2026-11-30" }), today)).toBe("WITHDRAWN");
    expect(
      receiversOn([planned, h({ id: "h2", fromDoctorId: "C", startDate: "2026-12-20" })], "2026-12-10"),
    ).toEqual(new Map([["A", "B"]]));
  });

  it("ends early on a last day from yesterday (or the day before a later start) before the end", () => {
    const started = h({ startDate: "2026-11-20" });
    expect(checkEndEarly(started, "2026-11-29", today)).toEqual([]);
    expect(checkEndEarly(started, "2026-11-28", today)[0]?.path).toBe("lastDay");
    expect(checkEndEarly(started, "2026-12-31", today)[0]?.path).toBe("lastDay");
    expect(suggestedLastDay(started, today)).toBe("2026-11-29");
    const planned = h({});
    expect(suggestedLastDay(planned, today)).toBe("2026-11-30");
    expect(checkEndEarly(planned, "2026-11-30", today)).toEqual([]);
    expect(checkEndEarly(h({ endedOn: "2026-11-30" }), "2026-11-30", today)[0]?.message).toBe(
      "Överlämningen är redan avslutad.",
    );
  });
});
