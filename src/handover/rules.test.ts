import { describe, expect, it } from "vitest";
import {
  activeOn,
  checkEndEarly,
  checkHandover,
  handoverState,
  receiversOn,
  suggestedLastDay,
  type HandoverPeriod,
} from "./rules.ts";

const today = "2026-11-30";

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
