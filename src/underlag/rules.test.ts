import { describe, expect, it } from "vitest";
import {
  appendText,
  certificateTexts,
  isLate,
  mayAnswer,
  originsFor,
  professionOf,
  requestIssues,
  sourceLine,
} from "./rules.ts";

const today = "2026-12-02";

describe("who may ask as whom", () => {
  it("lets a doctor ask as doctor or for the team, the coordinator for the team, the nurse from triage", () => {
    expect(originsFor(["LAKARE"])).toEqual(["LAKARE", "TEAM"]);
    expect(originsFor(["REHABKOORDINATOR"])).toEqual(["TEAM"]);
    expect(originsFor(["DISTRIKTSSKOTERSKA"])).toEqual(["TELEFONTRIAGE"]);
    expect(originsFor(["FYSIOTERAPEUT", "SEKRETERARE"])).toEqual([]);
  });

  it("lets only the profession asked answer", () => {
    expect(mayAnswer(["FYSIOTERAPEUT"], "FYSIOTERAPEUT")).toBe(true);
    expect(mayAnswer(["KURATOR"], "PSYKOLOG")).toBe(false);
    expect(mayAnswer(["LAKARE"], "FYSIOTERAPEUT")).toBe(false);
    expect(professionOf(["LAKARE", "PSYKOLOG"])).toBe("PSYKOLOG");
    expect(professionOf(["LAKARE"])).toBeNull();
  });
});

describe("a request", () => {
  const base = { origin: "LAKARE" as const, wantedBy: today, sickLeaveNeed: "" };

  it("accepts a doctor's request wanted today or later", () => {
    expect(requestIssues(base, ["LAKARE"], today)).toEqual([]);
  });

  it("refuses a wanted-by date in the past, naming the field", () => {
    expect(requestIssues({ ...base, wantedBy: "2026-12-01" }, ["LAKARE"], today).map((i) => i.path)).toEqual([
      "wantedBy",
    ]);
  });

  it("refuses an origin the roles do not give", () => {
    const issues = requestIssues({ ...base, origin: "TELEFONTRIAGE", sickLeaveNeed: "x" }, ["LAKARE"], today);
    expect(issues.map((i) => i.path)).toEqual(["origin"]);
    expect(issues[0]!.message).toContain("läkare eller teamet");
  });

  it("needs triage's note on the need for sick leave, and only from triage", () => {
    const triage = { ...base, origin: "TELEFONTRIAGE" as const };
    expect(requestIssues(triage, ["DISTRIKTSSKOTERSKA"], today).map((i) => i.path)).toEqual([
      "sickLeaveNeed",
    ]);
    expect(
      requestIssues(
        { ...triage, sickLeaveNeed: "Ryggskott, kan inte arbeta." },
        ["DISTRIKTSSKOTERSKA"],
        today,
      ),
    ).toEqual([]);
    expect(requestIssues({ ...base, sickLeaveNeed: "x" }, ["LAKARE"], today).map((i) => i.path)).toEqual([
      "sickLeaveNeed",
    ]);
  });

  it("is late only while open after its wanted-by date", () => {
    expect(isLate({ status: "OPEN", wantedBy: "2026-12-01" }, today)).toBe(true);
    expect(isLate({ status: "OPEN", wantedBy: today }, today)).toBe(false);
    expect(isLate({ status: "ANSWERED", wantedBy: "2026-12-01" }, today)).toBe(false);
  });
});

describe("taking an answer into the certificate", () => {
  const answer = {
    profession: "FYSIOTERAPEUT" as const,
    answeredBy: "Fia Fysio",
    answeredDate: "2026-11-30",
    observations: "Går med avlastande gång.",
    funktion: "Nedsatt rörlighet i ländryggen, flexion 30°.",
    aktivitet: "Kan inte lyfta mer än 5 kg eller sitta mer än 20 minuter.",
    methods: " Rörlighetstest och ODI ",
  };

  it("puts observations and function in 35, activity in 17, each with the source named", () => {
    const texts = certificateTexts(answer);
    const source =
      "(Källa: underlag från Fysioterapeut Fia Fysio, 2026-11-30. Bedömt med: Rörlighetstest och ODI)";
    expect(sourceLine(answer)).toBe(source);
    expect(texts.funktionsnedsattning).toBe(
      `Går med avlastande gång.\nNedsatt rörlighet i ländryggen, flexion 30°.\n${source}`,
    );
    expect(texts.aktivitetsbegransning).toBe(
      `Kan inte lyfta mer än 5 kg eller sitta mer än 20 minuter.\n${source}`,
    );
  });

  it("adds after what the doctor wrote, never replacing it", () => {
    expect(appendText("", "Nytt.")).toBe("Nytt.");
    expect(appendText("Eget fynd.  \n", "Nytt.")).toBe("Eget fynd.\n\nNytt.");
  });
});
