import { describe, expect, it } from "vitest";
import { missingOf, teamStatusOf, type CaseFacts, type PlanFacts } from "./rules.ts";

const today = "2026-12-02";
const complete: PlanFacts = {
  status: "FASTSTALLD",
  plannedEnd: "2027-01-31",
  actionsWithoutResponsible: 0,
  nextFollowUp: "2026-12-15",
};
const base: CaseFacts = {
  days: 45,
  decision: null,
  consent: { KOORDINERING: false, TEAM: false },
  samtalCompleted: false,
  onAgenda: false,
  plan: null,
  openFollowUpDue: null,
};
const traceable: CaseFacts = {
  ...base,
  decision: "AKTUALISERA_TEAM",
  consent: { KOORDINERING: false, TEAM: true },
  samtalCompleted: true,
  onAgenda: true,
  plan: complete,
};

describe("spårbarhet: what a case over 30 days lacks", () => {
  it("asks nothing of a case of 30 days or less", () => {
    expect(missingOf({ ...base, days: 30 }, today)).toEqual([]);
  });

  it("lists everything for an undecided case with nothing recorded", () => {
    expect(missingOf(base, today)).toEqual(["BESLUT", "SAMTYCKE", "KARTLAGGNING", "PLAN"]);
  });

  it("takes 'ingen åtgärd' as a complete answer", () => {
    expect(missingOf({ ...base, decision: "INGEN_ATGARD" }, today)).toEqual([]);
  });

  it("needs the consent the decision needs: TEAM for the team, KOORDINERING for coordination", () => {
    const team = { ...traceable, consent: { KOORDINERING: true, TEAM: false } };
    expect(missingOf(team, today)).toEqual(["SAMTYCKE"]);
    const coordination = { ...team, decision: "KOORDINERA_UTAN_TEAM" as const };
    expect(missingOf(coordination, today)).toEqual([]);
  });

  it("lacks nothing when decided, consented, mapped and planned with owners, end and follow-up", () => {
    expect(missingOf(traceable, today)).toEqual([]);
  });

  it("names each gap of the plan", () => {
    const plan = { ...complete, actionsWithoutResponsible: 2, plannedEnd: null, nextFollowUp: null };
    expect(missingOf({ ...traceable, plan }, today)).toEqual([
      "ANSVARIG",
      "PLANERAT_SLUT",
      "UPPFOLJNINGSDATUM",
    ]);
  });

  it("flags a follow-up date that has passed, the plan's or a task's, not today's", () => {
    expect(missingOf({ ...traceable, plan: { ...complete, nextFollowUp: "2026-12-01" } }, today)).toEqual([
      "UPPFOLJNING_PASSERAD",
    ]);
    expect(missingOf({ ...traceable, openFollowUpDue: "2026-11-20" }, today)).toEqual([
      "UPPFOLJNING_PASSERAD",
    ]);
    expect(missingOf({ ...traceable, openFollowUpDue: today }, today)).toEqual([]);
  });
});

describe("team status", () => {
  it("is 'ej aktualiserad' without a team decision, agenda or plan", () => {
    expect(teamStatusOf(base, today)).toBe("EJ_AKTUALISERAD");
    expect(teamStatusOf({ ...base, decision: "KOORDINERA_UTAN_TEAM" }, today)).toBe("EJ_AKTUALISERAD");
  });

  it("follows the case through the team: aktualiserad, på agenda, plan upprättad, avslutad", () => {
    const decided = { ...base, decision: "AKTUALISERA_TEAM" as const };
    expect(teamStatusOf(decided, today)).toBe("AKTUALISERAD");
    expect(teamStatusOf({ ...decided, onAgenda: true }, today)).toBe("PA_AGENDA");
    expect(teamStatusOf({ ...decided, onAgenda: true, plan: { ...complete, status: "UTKAST" } }, today)).toBe(
      "PA_AGENDA",
    );
    expect(teamStatusOf({ ...decided, onAgenda: true, plan: complete }, today)).toBe("PLAN_UPPRATTAD");
    expect(
      teamStatusOf(
        { ...decided, plan: { ...complete, status: "AVSLUTAD", nextFollowUp: "2026-11-01" } },
        today,
      ),
    ).toBe("AVSLUTAD_I_TEAM");
  });

  it("is 'uppföljning försenad' when a plan's follow-up date has passed", () => {
    expect(teamStatusOf({ ...traceable, plan: { ...complete, nextFollowUp: "2026-11-30" } }, today)).toBe(
      "UPPFOLJNING_FORSENAD",
    );
  });
});
