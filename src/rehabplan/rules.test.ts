import { describe, expect, it } from "vitest";
import {
  comparePlans,
  completenessIssues,
  contentIssues,
  emptyContent,
  endedFollowUps,
  establishIssues,
  followUpTasks,
  missingMessage,
  nextFollowUp,
  plannedLengthDays,
  planState,
  revisionTask,
  revisionWeeks,
  type PlanAction,
  type PlanContent,
  type PlanSnapshot,
} from "./rules.ts";

const action = (over: Partial<PlanAction> = {}): PlanAction => ({
  id: "a1",
  party: "ARBETSGIVAREN",
  description: "Anpassade arbetsuppgifter",
  responsibleName: "Chefen",
  responsibleUserId: null,
  startDate: "2026-11-01",
  followUpDate: "2026-12-01",
  status: "PLANERAD",
  ...over,
});

const complete = (over: Partial<PlanContent> = {}): PlanContent => ({
  goal: "Åter i arbete på heltid",
  purpose: "Återhämtning",
  plannedEnd: "2026-12-31",
  patientWords: "Jag vill tillbaka",
  actions: [action()],
  ...over,
});

const snapshot = (content: PlanContent, over: Partial<PlanSnapshot> = {}): PlanSnapshot => ({
  status: "UTKAST",
  content,
  anchoredDate: null,
  anchoredMethod: null,
  ...over,
});

const plan = (content: PlanContent, over: Record<string, unknown> = {}) => ({
  id: "p1",
  patientId: "pat",
  caseStart: "2026-10-01",
  status: "FASTSTALLD" as const,
  version: 3,
  content,
  ...over,
});

describe("completeness (fastställ)", () => {
  it("names the planned end, and each action without a responsible person or a follow-up date", () => {
    const content = complete({
      plannedEnd: null,
      actions: [
        action({ responsibleName: "  " }),
        action({ id: "a2", description: "Fysioterapi", followUpDate: null }),
      ],
    });
    expect(completenessIssues(content).map((i) => i.message)).toEqual([
      "Planerat slut på sjukskrivningen saknas.",
      "Åtgärd 1 (Anpassade arbetsuppgifter) saknar ansvarig.",
      "Åtgärd 2 (Fysioterapi) saknar uppföljningsdatum.",
    ]);
  });

  it("takes a unit user as responsible, and asks for a goal and at least one action", () => {
    expect(
      completenessIssues(complete({ actions: [action({ responsibleName: "", responsibleUserId: "u1" })] })),
    ).toEqual([]);
    expect(completenessIssues(emptyContent()).map((i) => i.path)).toEqual(["goal", "plannedEnd", "actions"]);
  });

  it("needs the anchoring with the patient, not in the future", () => {
    expect(establishIssues(complete(), null, "2026-11-16").map((i) => i.path)).toEqual(["anchoredDate"]);
    expect(establishIssues(complete(), { date: "2026-11-17", method: "BESOK" }, "2026-11-16")).toHaveLength(
      1,
    );
    expect(establishIssues(complete(), { date: "2026-11-16", method: "TELEFON" }, "2026-11-16")).toEqual([]);
  });

  it("words the refusal with what is missing", () => {
    expect(
      missingMessage([{ path: "plannedEnd", message: "Planerat slut på sjukskrivningen saknas." }]),
    ).toBe("Planen kan inte fastställas: planerat slut på sjukskrivningen saknas.");
  });
});

describe("content checks on every save", () => {
  it("refuses a planned end before the case and a follow-up before the start", () => {
    const issues = contentIssues(
      complete({ plannedEnd: "2026-09-30", actions: [action({ followUpDate: "2026-10-31" })] }),
      "2026-10-01",
    );
    expect(issues.map((i) => i.path)).toEqual(["plannedEnd", "actions.0.followUpDate"]);
  });

  it("counts the planned length from the case start, both days included", () => {
    expect(plannedLengthDays("2026-10-01", "2026-10-31")).toBe(31);
    expect(plannedLengthDays("2026-10-01", null)).toBeNull();
  });
});

describe("versions compared", () => {
  it("lists changed fields, new, changed and removed actions in Swedish", () => {
    const before = snapshot(complete({ actions: [action(), action({ id: "a2", description: "Samtal" })] }));
    const after = snapshot(
      complete({
        goal: "Åter i arbete på halvtid",
        actions: [
          action({ followUpDate: "2026-12-15", responsibleUserId: "u1" }),
          action({ id: "a3", description: "Ny" }),
        ],
      }),
      { status: "FASTSTALLD", anchoredDate: "2026-11-16", anchoredMethod: "BESOK" },
    );
    const names = (id: string) => (id === "u1" ? "Karin Koordinator" : id);
    expect(comparePlans(before, after, names)).toEqual([
      { label: "Status", before: "Utkast", after: "Fastställd" },
      { label: "Mål", before: "Åter i arbete på heltid", after: "Åter i arbete på halvtid" },
      { label: "Förankrad med patienten", before: "–", after: "2026-11-16, vid besök" },
      {
        label: "Åtgärd: Anpassade arbetsuppgifter – Ansvarig på enheten",
        before: "–",
        after: "Karin Koordinator",
      },
      { label: "Åtgärd: Anpassade arbetsuppgifter – Uppföljning", before: "2026-12-01", after: "2026-12-15" },
      {
        label: "Ny åtgärd",
        before: "–",
        after: "Arbetsgivaren: Ny (ansvarig Chefen, uppföljning 2026-12-01, planerad)",
      },
      {
        label: "Borttagen åtgärd",
        before: "Arbetsgivaren: Samtal (ansvarig Chefen, uppföljning 2026-12-01, planerad)",
        after: "–",
      },
    ]);
  });

  it("finds nothing between equal versions", () => {
    expect(comparePlans(snapshot(complete()), snapshot(complete()))).toEqual([]);
  });
});

describe("state and tasks", () => {
  it("is late when a fastställd plan has an open action past its follow-up", () => {
    expect(planState(plan(complete()), "2026-12-01")).toBe("FASTSTALLD");
    expect(planState(plan(complete()), "2026-12-02")).toBe("UPPFOLJNING_FORSENAD");
    expect(planState(plan(complete({ actions: [action({ status: "KLAR" })] })), "2026-12-02")).toBe(
      "FASTSTALLD",
    );
    expect(planState(plan(complete(), { status: "UTKAST" }), "2026-12-02")).toBe("UTKAST");
  });

  it("gives the next follow-up of the open actions", () => {
    const content = complete({
      actions: [
        action({ followUpDate: "2026-12-10" }),
        action({ id: "a2", followUpDate: "2026-12-05", status: "KLAR" }),
      ],
    });
    expect(nextFollowUp(content)).toBe("2026-12-10");
  });

  it("plans one follow-up task per open action with a date, to its responsible user", () => {
    const content = complete({
      actions: [
        action({ responsibleUserId: "u1" }),
        action({ id: "a2", followUpDate: null }),
        action({ id: "a3", status: "AVBRUTEN" }),
      ],
    });
    expect(followUpTasks(plan(content))).toEqual([
      {
        patientId: "pat",
        caseStart: "2026-10-01",
        kind: "PLAN_FOLLOW_UP",
        subject: "a1/2026-12-01",
        dueDate: "2026-12-01",
        responsibleUserId: "u1",
        details: { planId: "p1", actionId: "a1", party: "ARBETSGIVAREN" },
      },
    ]);
    expect(followUpTasks(plan(content, { status: "AVSLUTAD" }))).toEqual([]);
  });

  it("ends the follow-up of an action done, cancelled, moved or removed", () => {
    const before = complete({
      actions: [
        action(),
        action({ id: "a2" }),
        action({ id: "a3" }),
        action({ id: "a4" }),
        action({ id: "a5" }),
      ],
    });
    const after = complete({
      actions: [
        action({ status: "KLAR" }),
        action({ id: "a2", status: "AVBRUTEN" }),
        action({ id: "a3", followUpDate: "2026-12-08" }),
        action({ id: "a5", description: "Ändrad text" }),
      ],
    });
    expect(endedFollowUps(before, after, "FASTSTALLD")).toEqual({
      done: ["a1/2026-12-01"],
      dismissed: [
        { subject: "a2/2026-12-01", reason: "Åtgärden avbröts." },
        { subject: "a3/2026-12-01", reason: "Ny uppföljningsdag: 2026-12-08." },
        { subject: "a4/2026-12-01", reason: "Åtgärden togs bort ur planen." },
      ],
    });
    expect(endedFollowUps(before, before, "AVSLUTAD").dismissed).toHaveLength(5);
  });

  it("raises a revision task when the plan was not saved within the interval while the case goes on", () => {
    const p = { ...plan(complete()), savedDate: "2026-10-01" };
    expect(revisionTask(p, 8, "2026-11-25", true)).toBeNull();
    expect(revisionTask(p, 8, "2026-11-26", true)).toMatchObject({
      kind: "PLAN_REVISION",
      subject: "p1/v3",
      dueDate: "2026-11-26",
    });
    expect(revisionTask(p, 8, "2026-11-26", false)).toBeNull();
    expect(revisionTask({ ...p, status: "AVSLUTAD" }, 8, "2026-12-30", true)).toBeNull();
  });

  it("reads the unit's interval leniently (default 8 weeks)", () => {
    expect(revisionWeeks({ rehabplan: { revisionWeeks: 6 } })).toBe(6);
    expect(revisionWeeks({ rehabplan: { revisionWeeks: "6" } })).toBe(8);
    expect(revisionWeeks({ rehabplan: { revisionWeeks: 0 } })).toBe(8);
    expect(revisionWeeks(null)).toBe(8);
  });
});
