import { describe, expect, it } from "vitest";
import { stockholmToday } from "../../dates/today.ts";
import { draftErrors, emptyDraft, isValidDate, toNewArende } from "./registerDraft.ts";

const today = "2026-11-16";

describe("the register form's checks", () => {
  it("asks for the certificate and the question areas of a komplettering", () => {
    expect(draftErrors(emptyDraft(today), today)).toEqual({
      certificateId: "En komplettering gäller ett intyg: välj intyget.",
      questionFields: "Ange vilka frågor i intyget kompletteringen gäller.",
    });
    expect(draftErrors({ ...emptyDraft(today), type: "KONTKT" }, today)).toEqual({});
  });

  it("refuses bad, future and inverted dates", () => {
    const base = { ...emptyDraft(today), type: "OVRIGT" as const };
    expect(draftErrors({ ...base, receivedDate: "2026-02-30" }, today).receivedDate).toBe(
      "Ange mottagningsdatum som ÅÅÅÅ-MM-DD.",
    );
    expect(draftErrors({ ...base, receivedDate: "2026-11-17" }, today).receivedDate).toBe(
      "Mottagningsdatum kan inte vara i framtiden.",
    );
    expect(draftErrors({ ...base, lastAnswerDate: "2026-11-15", receivedDate: "2026-11-16" }, today)).toEqual(
      {
        lastAnswerDate: "Sista svarsdatum kan inte vara före mottagningsdatum.",
      },
    );
    expect(draftErrors({ ...base, lastAnswerDate: "16/11" }, today).lastAnswerDate).toBe(
      "Ange sista svarsdatum som ÅÅÅÅ-MM-DD.",
    );
  });

  it("sends empty optional values as null and trims", () => {
    expect(
      toNewArende({
        type: "KOMPLT",
        receivedDate: " 2026-11-12 ",
        certificateId: "c1",
        questionFields: ["35"],
        text: "  Förtydliga.  ",
        lastAnswerDate: "",
      }),
    ).toEqual({
      type: "KOMPLT",
      receivedDate: "2026-11-12",
      certificateId: "c1",
      questionFields: ["35"],
      text: "Förtydliga.",
      lastAnswerDate: null,
    });
  });

  it("knows real dates and Swedish today", () => {
    expect(isValidDate("2024-02-29")).toBe(true);
    expect(isValidDate("2025-02-29")).toBe(false);
    // The form's "today" is the server's (useToday), computed by the one Stockholm-day helper.
    expect(stockholmToday(new Date("2026-11-15T23:30:00Z"))).toBe("2026-11-16");
  });
});
