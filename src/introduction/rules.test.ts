import { describe, expect, it } from "vitest";
import { CONTACTS_ITEM, firstDayChecklist, progressOf, type PackageRoutine } from "./rules.ts";

const routine = (
  id: string,
  topic: string,
  roles: string[],
  state: PackageRoutine["state"],
): PackageRoutine => ({
  id,
  title: `Rutin ${id}`,
  topic,
  roles,
  state,
});

describe("a substitute's first-day checklist", () => {
  const routines = [
    routine("b", "FORSTADAGSINTYG", ["LAKARE"], "NEW_VERSION"),
    routine("a", "LATHUND", ["LAKARE"], "CONFIRMED"),
    routine("c", "LISTNINGSBYTE", ["SEKRETERARE"], "NOT_CONFIRMED"),
  ];

  it("puts the lathund first, then the doctors' routines, then the contacts", () => {
    const items = firstDayChecklist(routines, ["LAKARE"], new Set());
    expect(items.map((i) => [i.key, i.kind, i.done])).toEqual([
      ["routine:a", "LATHUND", true],
      ["routine:b", "ROUTINE", false],
      [CONTACTS_ITEM, "CONTACTS", false],
    ]);
    expect(progressOf(items)).toEqual({ done: 1, total: 3 });
  });

  it("counts a routine done only in its current version, and the contacts when ticked", () => {
    const items = firstDayChecklist(routines, ["LAKARE"], new Set([CONTACTS_ITEM]));
    expect(items.find((i) => i.key === "routine:b")?.done).toBe(false);
    expect(items.at(-1)?.done).toBe(true);
  });

  it("gives a substitute of another role the routines of that role", () => {
    const items = firstDayChecklist(routines, ["SEKRETERARE"], new Set());
    expect(items.map((i) => i.key)).toEqual(["routine:a", "routine:c", CONTACTS_ITEM]);
  });
});
