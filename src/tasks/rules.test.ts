import { describe, expect, it } from "vitest";
import { applyAction, effectiveDue, isOverdue, planTasks, type CaseForTasks } from "./rules.ts";

const base: CaseForTasks = {
  patientId: "p1",
  caseStart: "2026-10-01",
  caseEnd: "2026-12-31",
  days: 47,
  doctorId: "d1",
  firstDayCertificate: false,
  renewalInProgress: false,
  openKompletteringar: [],
  consents: [],
};

const kinds = (c: Partial<CaseForTasks>, today: string) =>
  planTasks({ ...base, ...c }, today).map((t) => `${t.kind}@${t.dueDate}`);

describe("planning tasks from a case", () => {
  it("creates the checkpoints reached in the last 30 days, and aktualisering after 30 days", () => {
    // Day 43: day 8 (10-08) is more than 30 days ago; 15 (10-15) and 30 (10-30) are within.
    expect(kinds({}, "2026-11-12")).toEqual([
      "CHECKPOINT_DAY_15@2026-10-15",
      "CHECKPOINT_DAY_30@2026-10-30",
      "AKTUALISERA@2026-10-31",
    ]);
  });

  it("uses day 1 for a förstadagsintyg and sends doctor tasks to the doctor, the rest to the queue", () => {
    const tasks = planTasks({ ...base, days: 5, firstDayCertificate: true }, "2026-10-05");
    expect(tasks.map((t) => [t.kind, t.dueDate, t.details.day, t.responsibleUserId])).toEqual([
      ["CHECKPOINT_DAY_8", "2026-10-01", 1, "d1"],
    ]);
    const later = planTasks({ ...base, days: 31 }, "2026-10-31");
    expect(later.find((t) => t.kind === "AKTUALISERA")!.responsibleUserId).toBeNull();
    expect(later.find((t) => t.kind === "CHECKPOINT_DAY_30")!.responsibleUserId).toBeNull();
    expect(later.find((t) => t.kind === "CHECKPOINT_DAY_15")!.responsibleUserId).toBe("d1");
  });

  it("does not create a checkpoint the case ended before, nor one in the future", () => {
    expect(kinds({ caseEnd: "2026-10-12", days: 12 }, "2026-10-14")).toEqual(["CHECKPOINT_DAY_8@2026-10-08"]);
    expect(kinds({ days: 3 }, "2026-10-03")).toEqual([]);
  });

  it("asks for aktualisering of every case over 30 days however old", () => {
    expect(kinds({ caseStart: "2025-01-01", days: 600 }, "2026-11-16")).toEqual(["AKTUALISERA@2025-01-31"]);
    expect(kinds({ days: 30 }, "2026-11-16")).not.toContain("AKTUALISERA@2026-10-31");
  });

  it("suggests a return visit when the case ends within 7 days and nothing is being written", () => {
    const c = { caseStart: "2026-09-01", caseEnd: "2026-11-23", days: 20 };
    expect(kinds(c, "2026-11-16")).toContain("CERTIFICATE_ENDING@2026-11-23");
    expect(kinds(c, "2026-11-15")).not.toContain("CERTIFICATE_ENDING@2026-11-23");
    expect(kinds({ ...c, renewalInProgress: true }, "2026-11-16")).not.toContain(
      "CERTIFICATE_ENDING@2026-11-23",
    );
    expect(
      planTasks({ ...base, ...c }, "2026-11-16").find((t) => t.kind === "CERTIFICATE_ENDING")!.subject,
    ).toBe("2026-11-23");
  });

  it("flags a komplettering past its answer date, or 14 days old without one", () => {
    const k = [
      { id: "a1", receivedDate: "2026-11-01", lastAnswerDate: "2026-11-15" },
      { id: "a2", receivedDate: "2026-11-01", lastAnswerDate: "2026-11-16" },
      { id: "a3", receivedDate: "2026-11-01", lastAnswerDate: null },
      { id: "a4", receivedDate: "2026-11-02", lastAnswerDate: null },
    ];
    const tasks = planTasks({ ...base, days: 10, openKompletteringar: k }, "2026-11-16").filter(
      (t) => t.kind === "KOMPLETTERING_OVERDUE",
    );
    expect(tasks.map((t) => [t.subject, t.dueDate])).toEqual([
      ["a1", "2026-11-15"],
      ["a3", "2026-11-15"],
    ]);
  });

  it("warns of a consent ending within 14 days unless a later one of the kind is in place", () => {
    const consents = [
      { id: "k1", kind: "KOORDINERING", validTo: "2026-11-20" },
      { id: "t1", kind: "TEAM", validTo: "2026-11-20" },
      { id: "t2", kind: "TEAM", validTo: "2027-06-01" },
      { id: "f1", kind: "INFO_FK", validTo: "2026-12-15" },
    ];
    const tasks = planTasks({ ...base, days: 10, consents }, "2026-11-16").filter(
      (t) => t.kind === "CONSENT_EXPIRING",
    );
    expect(tasks.map((t) => t.subject)).toEqual(["k1"]);
  });
});

describe("ending a task", () => {
  it("closes as done, not relevant with a reason, or postponed to a later date", () => {
    expect(applyAction("OPEN", { kind: "DONE", note: null }, "2026-11-16")).toMatchObject({
      ok: true,
      status: "DONE",
    });
    expect(
      applyAction("OPEN", { kind: "NOT_RELEVANT", reason: " Friskskriven " }, "2026-11-16"),
    ).toMatchObject({
      ok: true,
      status: "NOT_RELEVANT",
      reason: "Friskskriven",
    });
    expect(
      applyAction("POSTPONED", { kind: "POSTPONE", date: "2026-11-17", note: null }, "2026-11-16"),
    ).toMatchObject({
      ok: true,
      status: "POSTPONED",
      postponedTo: "2026-11-17",
    });
  });

  it("refuses a blank reason, a date not after today, and a closed task", () => {
    expect(applyAction("OPEN", { kind: "NOT_RELEVANT", reason: "  " }, "2026-11-16")).toMatchObject({
      ok: false,
      path: "reason",
    });
    expect(
      applyAction("OPEN", { kind: "POSTPONE", date: "2026-11-16", note: null }, "2026-11-16"),
    ).toMatchObject({
      ok: false,
      path: "date",
    });
    expect(applyAction("DONE", { kind: "DONE", note: null }, "2026-11-16")).toMatchObject({
      ok: false,
      code: "TASK_CLOSED",
    });
    expect(
      applyAction("NOT_RELEVANT", { kind: "POSTPONE", date: "2027-01-01", note: null }, "2026-11-16"),
    ).toMatchObject({
      ok: false,
      code: "TASK_CLOSED",
    });
  });

  it("is overdue when the due date (or the postponed date) has passed while active", () => {
    const open = { status: "OPEN" as const, dueDate: "2026-11-15", postponedTo: null };
    expect(isOverdue(open, "2026-11-16")).toBe(true);
    expect(isOverdue(open, "2026-11-15")).toBe(false);
    expect(isOverdue({ ...open, status: "DONE" }, "2026-12-01")).toBe(false);
    const postponed = { status: "POSTPONED" as const, dueDate: "2026-11-01", postponedTo: "2026-11-20" };
    expect(effectiveDue(postponed)).toBe("2026-11-20");
    expect(isOverdue(postponed, "2026-11-16")).toBe(false);
    expect(isOverdue(postponed, "2026-11-21")).toBe(true);
  });
});

describe("DECISION_REQUIRED: an aktualisering task ends by a decision", () => {
  it("refuses DONE on AKTUALISERA, allows it on other kinds and allows postponing", () => {
    const done = { kind: "DONE" as const, note: null };
    expect(applyAction("OPEN", done, "2026-11-16", "AKTUALISERA")).toMatchObject({
      ok: false,
      code: "DECISION_REQUIRED",
    });
    expect(applyAction("POSTPONED", done, "2026-11-16", "AKTUALISERA")).toMatchObject({ ok: false });
    expect(applyAction("OPEN", done, "2026-11-16", "CHECKPOINT_DAY_15")).toMatchObject({ ok: true });
    expect(
      applyAction("OPEN", { kind: "POSTPONE", date: "2026-11-20", note: null }, "2026-11-16", "AKTUALISERA"),
    ).toMatchObject({ ok: true, status: "POSTPONED" });
  });
});
