import { describe, expect, it } from "vitest";
import { dayNumber, isoDate } from "../cases/days.ts";
import { deviationStatusIds } from "../deviations/rules.ts";
import { demoDeviationRecords, type DeviationRecord } from "./deviations.ts";
import { Random } from "./random.ts";

const staff = ["LAKARE", "REHABKOORDINATOR", "SEKRETERARE", "ENHETSCHEF"].map((role, i) => ({
  id: `u${i}`,
  role,
}));
const today = dayNumber("2027-03-28");

describe("the demo deviations", () => {
  const records: DeviationRecord[] = [
    ...demoDeviationRecords({ random: new Random("demo"), today, unitId: "U", staff, patientId: "p" }),
  ];
  type Row<T extends DeviationRecord["table"]> = Extract<DeviationRecord, { table: T }>["row"];
  const of = <T extends DeviationRecord["table"]>(table: T): Row<T>[] =>
    records.filter((r) => r.table === table).map((r) => r.row as Row<T>);

  it("has one deviation in every state, with a history up to it, never after today", () => {
    const deviations = of("deviation");
    expect(deviations.map((d) => d.status).sort()).toEqual([...deviationStatusIds].sort());
    for (const d of deviations) {
      const history = of("deviationEvent").filter((e) => e.deviationId === d.id);
      expect(history.at(-1)?.status).toBe(d.status);
      expect(history.every((e) => e.at!.slice(0, 10) <= isoDate(today))).toBe(true);
    }
  });

  it("closes only what has its actions done, and ties the closed one to a patient", () => {
    const closed = of("deviation").find((d) => d.status === "AVSLUTAD")!;
    expect(closed).toMatchObject({ patientId: "p", lexMaria: true });
    const actions = of("deviationAction").filter((a) => a.deviationId === closed.id);
    expect(actions.every((a) => a.doneOn !== null && a.doneOn! <= closed.closedOn!)).toBe(true);
  });
});
