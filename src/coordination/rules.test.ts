import { describe, expect, it } from "vitest";
import {
  consentIssues,
  consentRefusal,
  consentState,
  consentsForDecision,
  consentsForMeasure,
  consentsForMeeting,
  decisionIssues,
  defaultConsentValidTo,
  measureIssues,
  meetingIssues,
  requireConsent,
  samtalCompletionIssues,
  withdrawalIssues,
  type ConsentRecord,
  type SamtalContent,
} from "./rules.ts";
import { currentDecision } from "./view.ts";

let n = 0;
function consent(overrides: Partial<ConsentRecord & { id: string }> = {}): ConsentRecord & { id: string } {
  n++;
  return {
    id: `c${n}`,
    kind: "KOORDINERING",
    obtainedDate: "2026-01-10",
    validTo: "2026-06-30",
    withdrawnDate: null,
    createdAt: `2026-01-10T10:00:0${n % 10}Z`,
    ...overrides,
  };
}

describe("default consent validity", () => {
  it("lasts twelve months: through the day before the same date next year", () => {
    expect(defaultConsentValidTo("2026-01-15")).toBe("2027-01-14");
    expect(defaultConsentValidTo("2026-03-01")).toBe("2027-02-28");
    expect(defaultConsentValidTo("2027-03-01")).toBe("2028-02-29");
    expect(defaultConsentValidTo("2024-02-29")).toBe("2025-02-28");
    expect(defaultConsentValidTo("2026-12-31")).toBe("2027-12-30");
  });
});

describe("consentState", () => {
  it("is missing without any consent of the kind", () => {
    expect(consentState([], "KOORDINERING", "2026-02-01")).toEqual({ state: "missing", consent: null });
    const team = consent({ kind: "TEAM" });
    expect(consentState([team], "KOORDINERING", "2026-02-01").state).toBe("missing");
    expect(consentState([team], "TEAM", "2026-02-01").state).toBe("valid");
  });

  it("is valid from the day obtained through the valid-to day, expired the day after", () => {
    const c = consent();
    expect(consentState([c], "KOORDINERING", "2026-01-09").state).toBe("missing");
    expect(consentState([c], "KOORDINERING", "2026-01-10")).toEqual({ state: "valid", consent: c });
    expect(consentState([c], "KOORDINERING", "2026-06-30").state).toBe("valid");
    expect(consentState([c], "KOORDINERING", "2026-07-01")).toEqual({ state: "expired", consent: c });
  });

  it("is withdrawn from the withdrawal day on, and valid before it", () => {
    const c = consent({ withdrawnDate: "2026-03-15" });
    expect(consentState([c], "KOORDINERING", "2026-03-14").state).toBe("valid");
    expect(consentState([c], "KOORDINERING", "2026-03-15")).toEqual({ state: "withdrawn", consent: c });
    expect(consentState([c], "KOORDINERING", "2026-08-01").state).toBe("withdrawn");
  });

  it("lets a consent obtained after a withdrawal make the state valid again, keeping the old row", () => {
    const old = consent({ withdrawnDate: "2026-03-15" });
    const renewed = consent({ obtainedDate: "2026-04-01", validTo: "2027-03-31" });
    expect(consentState([old, renewed], "KOORDINERING", "2026-03-20").state).toBe("withdrawn");
    expect(consentState([old, renewed], "KOORDINERING", "2026-04-01")).toEqual({
      state: "valid",
      consent: renewed,
    });
  });

  it("takes the valid consent that lasts longest, and the latest obtained when none is valid", () => {
    const long = consent({ validTo: "2026-12-31" });
    const short = consent({ obtainedDate: "2026-02-01", validTo: "2026-05-31" });
    expect(consentState([short, long], "KOORDINERING", "2026-03-01").consent).toBe(long);
    const expiredEarly = consent({ obtainedDate: "2025-01-01", validTo: "2025-06-30" });
    const expiredLater = consent({ obtainedDate: "2025-03-01", validTo: "2025-05-31" });
    expect(consentState([expiredEarly, expiredLater], "KOORDINERING", "2026-01-01").consent).toBe(
      expiredLater,
    );
  });

  it("reports the latest obtained: withdrawn after an older one expired", () => {
    const expired = consent({ obtainedDate: "2025-01-01", validTo: "2025-06-30" });
    const withdrawn = consent({
      obtainedDate: "2025-08-01",
      validTo: "2026-07-31",
      withdrawnDate: "2025-09-01",
    });
    expect(consentState([expired, withdrawn], "KOORDINERING", "2025-10-01")).toEqual({
      state: "withdrawn",
      consent: withdrawn,
    });
  });
});

describe("requireConsent", () => {
  it("passes a valid consent and refuses otherwise with a Swedish reason", () => {
    const guard = requireConsent("KOORDINERING");
    expect(guard([consent()], "2026-02-01")).toBeNull();
    expect(guard([], "2026-02-01")).toEqual({
      kind: "KOORDINERING",
      state: "missing",
      message: "Patienten har inte gett samtycke till koordinering.",
    });
    expect(guard([consent()], "2026-07-01")?.message).toBe(
      "Patientens samtycke till koordinering har gått ut.",
    );
    expect(guard([consent({ withdrawnDate: "2026-02-01" })], "2026-02-01")?.message).toBe(
      "Patienten har återkallat sitt samtycke till koordinering.",
    );
    expect(guard([consent()], "2026-01-05")?.message).toBe(
      "Patienten hade inte gett samtycke till koordinering på det datumet.",
    );
  });

  it("checks every kind a step needs, each separately", () => {
    const koordinering = consent();
    expect(consentRefusal([koordinering], ["KOORDINERING", "INFO_FK"], "2026-02-01")).toMatchObject({
      kind: "INFO_FK",
      state: "missing",
    });
    expect(
      consentRefusal([koordinering, consent({ kind: "INFO_FK" })], ["KOORDINERING", "INFO_FK"], "2026-02-01"),
    ).toBeNull();
    expect(requireConsent("TEAM")([koordinering], "2026-02-01")?.message).toBe(
      "Patienten har inte gett samtycke till aktualisering i det multimodala teamet.",
    );
  });
});

describe("what each step needs", () => {
  it("asks for the consent matching the decision", () => {
    expect(consentsForDecision("AKTUALISERA_TEAM")).toEqual(["TEAM"]);
    expect(consentsForDecision("KOORDINERA_UTAN_TEAM")).toEqual(["KOORDINERING"]);
    expect(consentsForDecision("INGEN_ATGARD")).toEqual([]);
  });

  it("adds the Försäkringskassan consent for samverkan with FK, avstämningsmöten and meetings FK attends", () => {
    expect(consentsForMeasure("PERSONLIGT_STOD", null)).toEqual(["KOORDINERING"]);
    expect(consentsForMeasure("SAMVERKAN", "ARBETSGIVARE")).toEqual(["KOORDINERING"]);
    expect(consentsForMeasure("SAMVERKAN", "FORSAKRINGSKASSAN")).toEqual(["KOORDINERING", "INFO_FK"]);
    expect(consentsForMeeting("AVSTAMNINGSMOTE", ["PATIENT", "VARDEN"])).toEqual(["KOORDINERING", "INFO_FK"]);
    expect(consentsForMeeting("TREPARTSMOTE", ["PATIENT", "ARBETSGIVARE"])).toEqual(["KOORDINERING"]);
    expect(consentsForMeeting("TREPARTSMOTE", ["ARBETSGIVARE", "FORSAKRINGSKASSAN"])).toEqual([
      "KOORDINERING",
      "INFO_FK",
    ]);
  });
});

describe("input rules", () => {
  const today = "2026-11-16";
  const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

  it("checks consent dates", () => {
    expect(consentIssues({ obtainedDate: today, validTo: null }, today)).toEqual([]);
    expect(paths(consentIssues({ obtainedDate: "2026-11-17", validTo: null }, today))).toEqual([
      "obtainedDate",
    ]);
    expect(paths(consentIssues({ obtainedDate: today, validTo: today }, today))).toEqual(["validTo"]);
  });

  it("checks a withdrawal", () => {
    const c = { obtainedDate: "2026-01-10", validTo: "2026-12-31", withdrawnDate: null };
    expect(withdrawalIssues(c, "2026-11-01", today)).toEqual([]);
    expect(withdrawalIssues({ ...c, withdrawnDate: "2026-05-01" }, "2026-11-01", today)[0]?.message).toBe(
      "Samtycket är redan återkallat.",
    );
    expect(paths(withdrawalIssues(c, "2026-01-01", today))).toEqual(["withdrawnDate"]);
    expect(paths(withdrawalIssues(c, "2026-11-17", today))).toEqual(["withdrawnDate"]);
    expect(withdrawalIssues({ ...c, validTo: "2026-06-30" }, "2026-07-01", today)[0]?.message).toBe(
      "Samtycket hade redan gått ut det datumet.",
    );
  });

  it("requires a reason for 'ingen åtgärd' and a date within the case", () => {
    const input = {
      caseStart: "2026-09-01",
      decision: "INGEN_ATGARD" as const,
      decidedDate: today,
      reason: "",
    };
    expect(paths(decisionIssues(input, today))).toEqual(["reason"]);
    expect(decisionIssues({ ...input, reason: "Återgår i arbete nästa vecka." }, today)).toEqual([]);
    expect(
      paths(decisionIssues({ ...input, decision: "AKTUALISERA_TEAM", decidedDate: "2026-08-31" }, today)),
    ).toEqual(["decidedDate"]);
  });

  it("requires a counterpart for samverkan only, with text for another party", () => {
    const base = { date: today, counterpart: null, counterpartOther: "" };
    expect(measureIssues({ ...base, type: "PERSONLIGT_STOD" }, today)).toEqual([]);
    expect(paths(measureIssues({ ...base, type: "SAMVERKAN" }, today))).toEqual(["counterpart"]);
    expect(
      paths(measureIssues({ ...base, type: "INTERN_SAMORDNING", counterpart: "ARBETSGIVARE" }, today)),
    ).toEqual(["counterpart"]);
    expect(paths(measureIssues({ ...base, type: "SAMVERKAN", counterpart: "ANNAN" }, today))).toEqual([
      "counterpartOther",
    ]);
    expect(
      measureIssues(
        { ...base, type: "SAMVERKAN", counterpart: "ANNAN", counterpartOther: "Kommunens AME" },
        today,
      ),
    ).toEqual([]);
    expect(paths(measureIssues({ ...base, type: "PERSONLIGT_STOD", date: "2026-11-17" }, today))).toEqual([
      "date",
    ]);
  });

  it("requires an external participant in a meeting and a follow-up after it", () => {
    const meeting = {
      kind: "TREPARTSMOTE" as const,
      date: "2026-11-10",
      participants: [{ party: "PATIENT" as const }, { party: "ARBETSGIVARE" as const }],
      followUpDate: "2026-12-10",
    };
    expect(meetingIssues(meeting, today)).toEqual([]);
    expect(
      paths(meetingIssues({ ...meeting, participants: [{ party: "PATIENT" }, { party: "VARDEN" }] }, today)),
    ).toEqual(["participants"]);
    expect(paths(meetingIssues({ ...meeting, followUpDate: "2026-11-09" }, today))).toEqual(["followUpDate"]);
  });
});

describe("aktualisering decisions", () => {
  it("takes the decision no later one supersedes as current", () => {
    const first = { id: "a", supersedesId: null };
    const second = { id: "b", supersedesId: "a" };
    expect(currentDecision([])).toBeNull();
    expect(currentDecision([first])).toBe(first);
    expect(currentDecision([first, second])).toBe(second);
  });
});

describe("samtalCompletionIssues", () => {
  const complete: SamtalContent = {
    samtalDate: "2026-11-10",
    caseStart: "2026-09-01",
    workSituation: "Undersköterska, heltid.",
    health: "Utmattning, sover dåligt.",
    socialSituation: "Bor med två barn.",
    ownGoals: "Tillbaka på 50 % i januari.",
    obstacles: "Konflikt med chefen.",
    coordinationNeed: "Kontakt med arbetsgivaren behövs.",
    outcome: "AKTUALISERA_TEAM",
    outcomeReason: "",
    nextStep: "Tas upp på teammötet.",
    nextStepDate: "2026-11-20",
  };

  it("accepts a complete conversation", () => {
    expect(samtalCompletionIssues(complete, "2026-11-16")).toEqual([]);
  });

  it("lists every missing part of an empty draft", () => {
    const empty: SamtalContent = {
      ...complete,
      caseStart: null,
      workSituation: "",
      health: " ",
      socialSituation: "",
      ownGoals: "",
      obstacles: "",
      coordinationNeed: "",
      outcome: null,
      nextStep: "",
      nextStepDate: null,
    };
    expect(samtalCompletionIssues(empty, "2026-11-16").map((i) => i.path)).toEqual([
      "workSituation",
      "health",
      "socialSituation",
      "ownGoals",
      "obstacles",
      "coordinationNeed",
      "outcome",
      "nextStep",
      "nextStepDate",
    ]);
  });

  it("needs the case for a decision, a reason for 'ingen åtgärd', and a date not in the future", () => {
    const issues = (s: Partial<SamtalContent>) =>
      samtalCompletionIssues({ ...complete, ...s }, "2026-11-16").map((i) => i.path);
    expect(issues({ caseStart: null })).toEqual(["caseStart"]);
    expect(issues({ caseStart: null, outcome: "FORTSATT_KARTLAGGNING" })).toEqual([]);
    expect(issues({ outcome: "INGEN_ATGARD" })).toEqual(["outcomeReason"]);
    expect(issues({ samtalDate: "2026-11-17", nextStepDate: "2026-11-30" })).toEqual(["samtalDate"]);
    expect(issues({ nextStepDate: "2026-11-09" })).toEqual(["nextStepDate"]);
  });
});
