/**
 * The demo's multimodal team: a team per unit meeting on Tuesdays, two closed meetings with
 * minutes and decisions that became tasks, a coming meeting with its agenda, and every patient on
 * an agenda with TEAM consent valid on the meeting date.
 */
import { describe, expect, it } from "vitest";
import { loadTestPersonnummer } from "../reference/testpersonnummer.ts";
import { agendaConsentRefusal } from "../team/rules.ts";
import { generateDemo, type DemoRecord } from "./generate.ts";

const today = "2026-11-23";
const records: DemoRecord[] = [
  ...generateDemo({ seed: "test", today, personnummer: loadTestPersonnummer(), passwordHash: "scrypt$hash" }),
];
type Row<T extends DemoRecord["table"]> = Extract<DemoRecord, { table: T }>["row"];
const rows = <T extends DemoRecord["table"]>(table: T): Row<T>[] =>
  records.filter((r) => r.table === table).map((r) => r.row as Row<T>);

describe("the demo's team", () => {
  const units = rows("unit");
  const meetings = rows("teamMeeting");

  it("gives every unit a team with members and past and coming meetings", () => {
    expect(rows("team").map((t) => t.unitId)).toEqual(units.map((u) => u.id));
    for (const unit of units) {
      expect(rows("teamMember").filter((m) => m.unitId === unit.id).length).toBeGreaterThanOrEqual(6);
      const ofUnit = meetings.filter((m) => m.unitId === unit.id);
      expect(ofUnit.filter((m) => m.status === "AVSLUTAT" && m.meetingDate < today)).toHaveLength(2);
      expect(ofUnit.filter((m) => m.status === "PLANERAT" && m.meetingDate > today)).toHaveLength(1);
    }
  });

  it("puts patients on agendas only with TEAM consent on the meeting date", () => {
    const items = rows("teamAgendaItem");
    expect(items.length).toBeGreaterThanOrEqual(units.length * 3);
    const consents = rows("consent");
    for (const item of items) {
      const meeting = meetings.find((m) => m.id === item.meetingId)!;
      const ofPatient = consents
        .filter((c) => c.patientId === item.patientId)
        .map((c) => ({
          kind: c.kind as "TEAM",
          obtainedDate: c.obtainedDate,
          validTo: c.validTo,
          withdrawnDate: null,
          createdAt: String(c.createdAt),
        }));
      expect(agendaConsentRefusal(ofPatient, meeting.meetingDate)).toBeNull();
    }
  });

  it("records minutes and a decision with a task for every patient of a closed meeting", () => {
    const closed = new Set(meetings.filter((m) => m.status === "AVSLUTAT").map((m) => m.id));
    const held = rows("teamAgendaItem").filter((i) => closed.has(i.meetingId));
    const decisions = rows("teamDecision");
    const tasks = new Map(rows("task").map((t) => [t.id, t]));
    for (const item of held) {
      expect(rows("teamMinutes").some((m) => m.itemId === item.id)).toBe(true);
      const decision = decisions.find((d) => d.itemId === item.id)!;
      expect(tasks.get(decision.taskId!)).toMatchObject({ kind: "TEAM_DECISION", subject: decision.id });
    }
    expect(rows("teamMinutes").some((m) => m.correctionReason)).toBe(true);
  });
});
