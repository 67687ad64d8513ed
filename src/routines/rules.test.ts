import { describe, expect, it } from "vitest";
import { confirmationState, mustRead, nextTextVersion, reviewDue, staffConfirmations } from "./rules.ts";

describe("routine versions and confirmation", () => {
  it("makes a changed text a new version, and keeps it for the same text", () => {
    const current = { textVersion: 3, body: "# Rutin\n\nGör så här." };
    expect(nextTextVersion(current, "# Rutin\n\nGör så här.")).toBe(3);
    expect(nextTextVersion(current, "# Rutin\r\n\r\nGör så här.  \n")).toBe(3);
    expect(nextTextVersion(current, "# Rutin\n\nGör så här i stället.")).toBe(4);
  });

  it("asks again when a new version came after the user's confirmation", () => {
    expect(confirmationState(2, [2])).toBe("CONFIRMED");
    expect(confirmationState(2, [1, 2])).toBe("CONFIRMED");
    expect(confirmationState(2, [1])).toBe("NEW_VERSION");
    expect(confirmationState(2, [])).toBe("NOT_CONFIRMED");
  });

  it("asks only those holding one of the routine's roles", () => {
    expect(mustRead(["LAKARE"], ["LAKARE", "MLU"])).toBe(true);
    expect(mustRead(["LAKARE"], ["SEKRETERARE"])).toBe(false);
    expect(mustRead([], ["LAKARE"])).toBe(false);
  });

  it("is due for review from the review date on", () => {
    expect(reviewDue("2027-01-10", "2027-01-09")).toBe(false);
    expect(reviewDue("2027-01-10", "2027-01-10")).toBe(true);
    expect(reviewDue("2027-01-10", "2027-02-01")).toBe(true);
  });

  it("lists the staff who must read a routine, unconfirmed first", () => {
    const staff = [
      { userId: "a", name: "Anna", roles: ["LAKARE"] },
      { userId: "b", name: "Bo", roles: ["LAKARE"] },
      { userId: "c", name: "Cecilia", roles: ["SEKRETERARE"] },
      { userId: "d", name: "David", roles: ["REHABKOORDINATOR", "LAKARE"] },
    ];
    const result = staffConfirmations({ roles: ["LAKARE"], textVersion: 2 }, staff, [
      { userId: "a", textVersion: 2 },
      { userId: "b", textVersion: 1 },
      { userId: "c", textVersion: 2 },
    ]);
    expect(result.map((m) => [m.name, m.state, m.confirmedVersion])).toEqual([
      ["David", "NOT_CONFIRMED", null],
      ["Bo", "NEW_VERSION", 1],
      ["Anna", "CONFIRMED", 2],
    ]);
  });
});
