import { describe, expect, it } from "vitest";
import type { ConsentRecord } from "../coordination/rules.ts";
import {
  agendaConsentRefusal,
  agendaOrderIssues,
  closeIssues,
  decisionIssues,
  minutesIssues,
  moveItem,
  teamIssues,
  upcomingMeetingSlots,
  weekdayOf,
} from "./rules.ts";

const teamConsent = (c: Partial<ConsentRecord>): ConsentRecord => ({
  kind: "TEAM",
  obtainedDate: "2026-11-01",
  validTo: "2027-10-31",
  withdrawnDate: null,
  createdAt: "2026-11-01T10:00:00Z",
  ...c,
});

describe("TEAM consent on the meeting date", () => {
  it("allows the agenda from the day consent was obtained through its last valid day", () => {
    const consents = [teamConsent({ validTo: "2026-11-20" })];
    expect(agendaConsentRefusal(consents, "2026-11-01")).toBeNull();
    expect(agendaConsentRefusal(consents, "2026-11-20")).toBeNull();
    expect(agendaConsentRefusal(consents, "2026-11-21")?.state).toBe("expired");
  });

  it("refuses a meeting before the consent was obtained, or on and after its withdrawal", () => {
    expect(agendaConsentRefusal([teamConsent({})], "2026-10-31")?.message).toBe(
      "Patienten hade inte gett samtycke till aktualisering i det multimodala teamet på det datumet.",
    );
    const withdrawn = [teamConsent({ withdrawnDate: "2026-11-10" })];
    expect(agendaConsentRefusal(withdrawn, "2026-11-09")).toBeNull();
    expect(agendaConsentRefusal(withdrawn, "2026-11-10")?.state).toBe("withdrawn");
  });

  it("does not count other kinds of consent", () => {
    expect(agendaConsentRefusal([teamConsent({ kind: "KOORDINERING" })], "2026-11-05")?.state).toBe(
      "missing",
    );
  });
});

describe("meeting times", () => {
  it("knows the weekday of a date", () => {
    expect(weekdayOf("1970-01-01")).toBe(4);
    expect(weekdayOf("2026-11-16")).toBe(1);
    expect(weekdayOf("2026-11-22")).toBe(7);
  });

  it("lists the next slots of the recurring times from today, today included", () => {
    const times = [
      { weekday: 4, time: "08:30" },
      { weekday: 1, time: "13:00" },
    ];
    expect(upcomingMeetingSlots(times, "2026-11-16", 3)).toEqual([
      { date: "2026-11-16", time: "13:00" },
      { date: "2026-11-19", time: "08:30" },
      { date: "2026-11-23", time: "13:00" },
    ]);
    expect(upcomingMeetingSlots([], "2026-11-16", 3)).toEqual([]);
  });

  it("refuses a member or a time twice", () => {
    const member = { userId: "u1" };
    expect(teamIssues({ members: [member, member], meetingTimes: [] })[0]?.path).toBe("members");
    const time = { weekday: 2, time: "13:00" };
    expect(teamIssues({ members: [], meetingTimes: [time, time] })[0]?.path).toBe("meetingTimes");
  });
});

describe("closing and locking", () => {
  const meeting = {
    meetingDate: "2026-11-16",
    status: "PLANERAT" as const,
    participants: [
      { userId: "a", attended: true },
      { userId: "b", attended: false },
    ],
  };

  it("closes on or after the meeting day with every attendance recorded", () => {
    expect(closeIssues(meeting, "2026-11-16")).toEqual([]);
    expect(closeIssues(meeting, "2026-11-15").map((i) => i.path)).toEqual(["meetingDate"]);
    const unrecorded = { ...meeting, participants: [{ userId: "a", attended: null }] };
    expect(closeIssues(unrecorded, "2026-11-16").map((i) => i.path)).toEqual(["participants"]);
    const nobody = { ...meeting, participants: [{ userId: "a", attended: false }] };
    expect(closeIssues(nobody, "2026-11-16")[0]?.message).toMatch(/närvarande/);
    expect(closeIssues({ ...meeting, status: "AVSLUTAT" }, "2026-11-16")[0]?.message).toMatch(/redan/);
  });

  it("takes minutes freely while open and only as a correction with its reason once closed", () => {
    expect(minutesIssues("PLANERAT", "")).toEqual([]);
    expect(minutesIssues("PLANERAT", "Fel")[0]?.path).toBe("correctionReason");
    expect(minutesIssues("AVSLUTAT", "  ")[0]?.path).toBe("correctionReason");
    expect(minutesIssues("AVSLUTAT", "Fel datum i anteckningen.")).toEqual([]);
  });

  it("takes decisions while open, dated on or after the meeting", () => {
    expect(decisionIssues({ text: "Boka fysioterapi.", dueDate: "2026-11-16" }, meeting)).toEqual([]);
    expect(decisionIssues({ text: " ", dueDate: "2026-11-15" }, meeting).map((i) => i.path)).toEqual([
      "text",
      "dueDate",
    ]);
    expect(
      decisionIssues({ text: "x", dueDate: "2026-12-01" }, { ...meeting, status: "AVSLUTAT" }),
    ).toHaveLength(1);
  });
});

describe("agenda order", () => {
  it("moves an item one step, never past either end", () => {
    expect(moveItem(["a", "b", "c"], "c", "up")).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], "a", "down")).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], "c", "down")).toEqual(["a", "b", "c"]);
  });

  it("accepts each item once, removes undocumented items only, and not after closing", () => {
    const items = [
      { id: "a", documented: true },
      { id: "b", documented: false },
    ];
    expect(agendaOrderIssues(items, ["b", "a"], "PLANERAT")).toEqual([]);
    expect(agendaOrderIssues(items, ["a"], "PLANERAT")).toEqual([]);
    expect(agendaOrderIssues(items, ["b"], "PLANERAT")[0]?.message).toMatch(/anteckningar eller beslut/);
    expect(agendaOrderIssues(items, ["a", "a", "b"], "PLANERAT")).toHaveLength(1);
    expect(agendaOrderIssues(items, ["a", "b", "x"], "PLANERAT")).toHaveLength(1);
    expect(agendaOrderIssues(items, ["b", "a"], "AVSLUTAT")[0]?.message).toMatch(/låst/);
  });
});
