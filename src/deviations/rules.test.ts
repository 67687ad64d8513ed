import { describe, expect, it } from "vitest";
import {
  deviationStatistics,
  lastDayOf,
  monthsBetween,
  transitionProblem,
  type DeviationState,
} from "./rules.ts";

const state = (overrides: Partial<DeviationState> = {}): DeviationState => ({
  status: "NY",
  investigation: "",
  actions: [],
  ...overrides,
});

describe("the deviation workflow", () => {
  it("goes ny → under utredning → åtgärdad → avslutad, one step at a time", () => {
    expect(transitionProblem(state(), "UNDER_UTREDNING")).toBeNull();
    expect(transitionProblem(state(), "ATGARDAD")?.field).toBe("status");
    expect(transitionProblem(state(), "AVSLUTAD")?.message).toContain("bara bli under utredning");
    const done = state({
      status: "UNDER_UTREDNING",
      investigation: "Rutinen följdes inte.",
      actions: [{ doneOn: "2027-01-10" }],
    });
    expect(transitionProblem(done, "ATGARDAD")).toBeNull();
    expect(transitionProblem({ ...done, status: "ATGARDAD" }, "AVSLUTAD")).toBeNull();
    expect(transitionProblem({ ...done, status: "ATGARDAD" }, "UNDER_UTREDNING")).toBeNull();
    expect(transitionProblem({ ...done, status: "AVSLUTAD" }, "UNDER_UTREDNING")?.message).toContain(
      "kan inte ändra status",
    );
  });

  it("needs the investigation and every action done before åtgärdad", () => {
    const investigating = state({ status: "UNDER_UTREDNING" });
    expect(transitionProblem(investigating, "ATGARDAD")?.field).toBe("investigation");
    const written = { ...investigating, investigation: "Analys." };
    expect(transitionProblem(written, "ATGARDAD")?.message).toContain("minst en åtgärd");
    expect(
      transitionProblem({ ...written, actions: [{ doneOn: "2027-01-10" }, { doneOn: null }] }, "ATGARDAD")
        ?.message,
    ).toContain("Alla åtgärder");
  });
});

describe("deviation statistics", () => {
  it("counts per category and month of the period, by the day it happened", () => {
    const result = deviationStatistics(
      [
        { category: "FEL_GRAD", occurredOn: "2026-12-31", lexMaria: false },
        { category: "FEL_GRAD", occurredOn: "2027-01-01", lexMaria: true },
        { category: "FEL_GRAD", occurredOn: "2027-02-28", lexMaria: false },
        { category: "SAMTYCKE_SAKNAS", occurredOn: "2027-01-15", lexMaria: false },
        { category: "FEL_GRAD", occurredOn: "2027-03-01", lexMaria: false },
      ],
      "2027-01",
      "2027-02",
    );
    expect(result.months).toEqual(["2027-01", "2027-02"]);
    expect(result.rows.find((r) => r.category === "FEL_GRAD")).toMatchObject({
      months: [1, 1],
      total: 2,
      lexMaria: 1,
    });
    expect(result.rows.find((r) => r.category === "SAMTYCKE_SAKNAS")).toMatchObject({
      months: [1, 0],
      total: 1,
    });
  });

  it("knows the last day of each month", () => {
    expect(["2027-02", "2028-02", "2027-04", "2027-12"].map(lastDayOf)).toEqual([
      "2027-02-28",
      "2028-02-29",
      "2027-04-30",
      "2027-12-31",
    ]);
  });

  it("walks months across a year", () => {
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthsBetween("2027-03", "2027-02")).toEqual([]);
  });
});
