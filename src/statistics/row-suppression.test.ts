import { describe, expect, it } from "vitest";
import { suppressAcrossRows } from "./row-suppression.ts";

const row = (total: number | null, women: number | null, men: number | null) => ({ total, women, men });

describe("suppression across the rows of a breakdown", () => {
  it("hides the smallest other shown count when one cell of a column is hidden and the total shown", () => {
    const whole = row(20, 12, 8);
    const rows = [row(null, null, null), row(6, 5, 0), row(11, 7, 5)];
    // Total: 6 is hidden beside the first row; women: 5; men: 5 (then the triples follow).
    expect(suppressAcrossRows(rows, whole)).toEqual([
      row(null, null, null),
      row(null, null, null),
      row(11, null, null),
    ]);
    // The input is left as it was.
    expect(rows[1]).toEqual(row(6, 5, 0));
  });

  it("keeps the triple rule after a cross-row hide, and repeats until nothing changes", () => {
    const result = suppressAcrossRows([row(null, null, 0), row(9, 5, 0), row(12, 6, 6)], row(24, 14, 10));
    for (const key of ["total", "women", "men"] as const) {
      expect(result.filter((r) => r[key] === null).length).not.toBe(1);
    }
    for (const r of result) {
      expect(r.women === null).toBe(r.men === null);
      if (r.total === null) expect(r.women).toBeNull();
    }
  });

  it("changes nothing when no cell is hidden, or the column's total is itself hidden", () => {
    const rows = [row(5, 5, 0), row(7, 0, 7)];
    expect(suppressAcrossRows(rows, row(12, 5, 7))).toEqual(rows);
    const hidden = [row(null, null, null), row(6, 6, 0)];
    expect(suppressAcrossRows(hidden, row(null, null, null))).toEqual(hidden);
  });
});
