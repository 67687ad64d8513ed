import { describe, expect, it } from "vitest";
import { openSection } from "./sections.ts";

const all = ["oversikt", "sjukfall", "koordinering", "arenden", "uppgifter", "logg"];

describe("the patient page's open section", () => {
  it("opens the rehabkoordinator at Koordinering and the doctor at Sjukfall och intyg", () => {
    expect(openSection(null, all, ["patient.read", "coordination.read", "coordination.write"])).toBe(
      "koordinering",
    );
    expect(openSection(null, all, ["patient.read", "coordination.read", "certificate.sign"])).toBe(
      "sjukfall",
    );
    expect(openSection(null, all, ["patient.read", "arende.register"])).toBe("arenden");
    expect(openSection(null, ["oversikt", "logg"], ["audit.review"])).toBe("logg");
    expect(openSection(null, all, ["patient.read", "coordination.read"])).toBe("oversikt");
  });

  it("follows the address when it names a section the user has, else the role's", () => {
    expect(openSection("arenden", all, ["certificate.sign"])).toBe("arenden");
    expect(openSection("logg", all.slice(0, 5), ["certificate.sign"])).toBe("sjukfall");
    expect(openSection("okänd", all, [])).toBe("oversikt");
  });

  it("opens at Översikt when the role's section is not shown to the user", () => {
    expect(openSection(null, ["oversikt", "sjukfall"], ["coordination.write"])).toBe("oversikt");
  });
});
