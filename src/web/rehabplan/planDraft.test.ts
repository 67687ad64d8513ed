import { describe, expect, it } from "vitest";
import type { RehabPlan } from "../api/rehabplan.ts";
import { conflictRows, contentOf, draftOf, newAction } from "./planDraft.ts";

const saved = {
  id: "p1",
  status: "UTKAST",
  goal: "Åter i arbete",
  purpose: "",
  plannedEnd: null,
  patientWords: "",
  anchoring: null,
  actions: [
    {
      id: "a1",
      party: "VARDEN",
      partyLabel: "Vården",
      description: "Fysioterapi",
      responsibleName: "",
      responsibleUserId: "u1",
      responsibleUser: { id: "u1", name: "Fia Fysio" },
      startDate: null,
      followUpDate: "2026-12-01",
      status: "PLANERAD",
      statusLabel: "Planerad",
    },
  ],
} as unknown as RehabPlan;

describe("the plan form's draft", () => {
  it("sends empty texts as null and new actions without an id", () => {
    const draft = draftOf(saved);
    draft.plannedEnd = " ";
    draft.actions.push({ ...newAction(), description: "Promenader", party: "PATIENTEN" });
    expect(contentOf(draft)).toMatchObject({
      plannedEnd: null,
      actions: [
        { id: "a1", responsibleUserId: "u1", startDate: null, followUpDate: "2026-12-01" },
        { party: "PATIENTEN", description: "Promenader", responsibleUserId: null, followUpDate: null },
      ],
    });
    expect(contentOf(draft).actions![1]).not.toHaveProperty("id");
  });

  it("compares the saved plan with the draft in the version list's words", () => {
    const draft = draftOf(saved);
    draft.goal = "Åter i arbete på halvtid";
    draft.actions[0]!.followUpDate = "2026-12-08";
    expect(conflictRows(saved, draft, (id) => (id === "u1" ? "Fia Fysio" : id))).toEqual([
      { field: "0", label: "Mål", saved: "Åter i arbete", mine: "Åter i arbete på halvtid" },
      { field: "1", label: "Åtgärd: Fysioterapi – Uppföljning", saved: "2026-12-01", mine: "2026-12-08" },
    ]);
    expect(conflictRows(saved, draftOf(saved), (id) => id)).toEqual([]);
  });
});
