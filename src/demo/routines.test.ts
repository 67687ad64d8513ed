import { describe, expect, it } from "vitest";
import { dayNumber } from "../cases/days.ts";
import { confirmationState, reviewDue, routineTopicIds } from "../routines/rules.ts";
import { Random } from "./random.ts";
import { demoRoutineRecords, type RoutineRecord } from "./routines.ts";

const roles = [
  "LAKARE",
  "LAKARE",
  "REHABKOORDINATOR",
  "DISTRIKTSSKOTERSKA",
  "SEKRETERARE",
  "ENHETSCHEF",
  "MLU",
];
const units = ["A", "B"].map((u) => ({
  id: u,
  staff: roles.map((role, i) => ({ id: `${u}${i}`, role })),
}));
const today = "2027-03-28";

function records(): RoutineRecord[] {
  return [
    ...demoRoutineRecords({
      random: new Random("demo"),
      today: dayNumber(today),
      regionId: "R",
      analystId: "analyst",
      units,
    }),
  ];
}

describe("the demo routine library", () => {
  const all = records();
  type Row<T extends RoutineRecord["table"]> = Extract<RoutineRecord, { table: T }>["row"];
  const of = <T extends RoutineRecord["table"]>(table: T): Row<T>[] =>
    all.filter((r) => r.table === table).map((r) => r.row as Row<T>);

  it("is the same for the same seed and today", () => {
    expect(records()).toEqual(all);
  });

  it("has regional routines every unit adopted, and each unit's own, with one review due", () => {
    const routines = of("routine");
    const regional = routines.filter((r) => r.unitId === null);
    expect(regional.length).toBeGreaterThan(0);
    expect(of("routineAdoption")).toHaveLength(regional.length * units.length);
    expect(routines.every((r) => routineTopicIds.includes(r.topic as (typeof routineTopicIds)[number]))).toBe(
      true,
    );
    expect(routines.some((r) => reviewDue(r.reviewDate, today))).toBe(true);
    for (const r of routines) {
      expect(of("routineText").filter((t) => t.routineId === r.id)).toHaveLength(r.textVersion!);
    }
  });

  it("shows the chief every confirmation state", () => {
    const confirmations = of("routineConfirmation");
    const states = new Set<string>();
    for (const r of of("routine")) {
      for (const unit of units) {
        for (const member of unit.staff.filter((m) => r.roles!.includes(m.role))) {
          const versions = confirmations
            .filter((c) => c.routineId === r.id && c.userId === member.id)
            .map((c) => c.textVersion);
          states.add(confirmationState(r.textVersion!, versions));
        }
      }
    }
    expect([...states].sort()).toEqual(["CONFIRMED", "NEW_VERSION", "NOT_CONFIRMED"]);
  });
});
