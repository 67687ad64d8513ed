/**
 * The demo's underlag from other professions: every unit has an answered request, a late one and
 * one from telephone triage, each on a patient of the unit; the open ones with a task to the
 * profession's member.
 */
import { describe, expect, it } from "vitest";
import { loadTestPersonnummer } from "../reference/testpersonnummer.ts";
import { isLate } from "../underlag/rules.ts";
import { generateDemo, type DemoRecord } from "./generate.ts";

const today = "2026-11-23";
const records: DemoRecord[] = [
  ...generateDemo({ seed: "test", today, personnummer: loadTestPersonnummer(), passwordHash: "scrypt$hash" }),
];
type Row<T extends DemoRecord["table"]> = Extract<DemoRecord, { table: T }>["row"];
const rows = <T extends DemoRecord["table"]>(table: T): Row<T>[] =>
  records.filter((r) => r.table === table).map((r) => r.row as Row<T>);

describe("the demo's underlag", () => {
  const units = rows("unit");
  const requests = rows("underlagRequest");

  it("gives every unit an answered, a late and a triage request on its own patients", () => {
    const patients = new Map(rows("patient").map((p) => [p.id, p.unitId]));
    for (const unit of units) {
      const ofUnit = requests.filter((r) => r.unitId === unit.id);
      expect(ofUnit.map((r) => r.profession).sort()).toEqual(["FYSIOTERAPEUT", "KURATOR", "PSYKOLOG"]);
      expect(ofUnit.every((r) => patients.get(r.patientId) === unit.id)).toBe(true);
      expect(ofUnit.filter((r) => r.status === "ANSWERED" && r.funktion && r.methods)).toHaveLength(1);
      const open = ofUnit.filter((r) => r.status === "OPEN");
      expect(open.filter((r) => isLate({ status: "OPEN", wantedBy: r.wantedBy }, today))).toHaveLength(1);
      expect(open.find((r) => r.origin === "TELEFONTRIAGE")?.sickLeaveNeed).not.toBe("");
    }
  });

  it("gives each open request a task to the profession's member, due when the answer is wanted", () => {
    const tasks = rows("task").filter((t) => t.kind === "UNDERLAG_REQUEST");
    for (const request of requests.filter((r) => r.status === "OPEN")) {
      const task = tasks.find((t) => t.subject?.startsWith(`${request.id}:`));
      expect(task?.dueDate).toBe(request.wantedBy);
      expect(task?.status).toBeUndefined();
    }
    expect(tasks).toHaveLength(units.length * 2);
  });
});
