import { describe, expect, it } from "vitest";
import { deadlineOf } from "./deadline.ts";

describe("deadlineOf", () => {
  it("says in words when an answer is late, due today or due later", () => {
    expect(deadlineOf("2026-11-14", -2)).toEqual({
      text: "Försenat: sista svarsdag 2026-11-14 (2 dagar sedan)",
      overdue: true,
      soon: false,
    });
    expect(deadlineOf("2026-11-15", -1)?.text).toBe("Försenat: sista svarsdag 2026-11-15 (1 dag sedan)");
    expect(deadlineOf("2026-11-16", 0)).toMatchObject({ overdue: false, soon: true });
    expect(deadlineOf("2026-11-17", 1)?.text).toBe("Sista svarsdag 2026-11-17 (om 1 dag)");
    expect(deadlineOf("2026-11-30", 14)).toMatchObject({ overdue: false, soon: false });
  });

  it("has nothing to say without a deadline", () => {
    expect(deadlineOf(null, null)).toBeNull();
    expect(deadlineOf("2026-11-14", null)).toBeNull();
  });
});
