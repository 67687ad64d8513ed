import { describe, expect, it } from "vitest";
import { defaultQuery } from "./query.ts";

describe("the statistics' default period", () => {
  it("is the 12 months ending with today's month", () => {
    expect(defaultQuery("2026-11-16")).toEqual({ from: "2025-12", to: "2026-11", by: "month" });
    expect(defaultQuery("2026-12-31")).toEqual({ from: "2026-01", to: "2026-12", by: "month" });
    expect(defaultQuery("2027-01-01")).toEqual({ from: "2026-02", to: "2027-01", by: "month" });
  });
});
