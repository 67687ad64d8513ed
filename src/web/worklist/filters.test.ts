import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  checkRanges,
  emptyFilter,
  filterChips,
  nextSort,
  toQuery,
  type ListFilter,
} from "./filters.ts";
import { defaultColumns, shownColumns } from "./columns.ts";

describe("unit list filters on screen", () => {
  it("shows each active filter as a chip whose removal clears only it", () => {
    expect(filterChips(emptyFilter, () => undefined)).toEqual([]);
    const filter: ListFilter = {
      ...emptyFilter,
      over30: true,
      length: ["0-14", "61-90"],
      doctor: "d1",
      coordinatorStatus: "KONTAKTAD",
      q: " Ek ",
      ageMin: "30",
    };
    const chips = filterChips(filter, (id) => (id === "d1" ? "Doktor Ek" : undefined));
    expect(chips.map((c) => c.label)).toEqual([
      "Sök: Ek",
      "Mer än 30 dagar",
      "Längd 0–14 dagar",
      "Längd 61–90 dagar",
      "Läkare: Doktor Ek",
      "Ålder 30– år",
      "Koordinatorstatus: Kontaktad",
    ]);
    const length = chips.find((c) => c.key === "length:0-14")!;
    expect({ ...filter, ...length.remove(filter) }.length).toEqual(["61-90"]);
    // Removing every chip leaves no filter.
    const cleared = chips.reduce<ListFilter>((f, chip) => ({ ...f, ...chip.remove(f) }), filter);
    expect(activeFilterCount(cleared)).toBe(0);
  });

  it("sends only what is set, length buckets in list order", () => {
    expect(toQuery(emptyFilter)).toEqual({});
    expect(
      toQuery(
        { ...emptyFilter, over30: true, length: ["61-90", "0-14"], q: "  Ek ", sex: "F", ageMin: "30" },
        { column: "age", order: "asc" },
      ),
    ).toEqual({
      over30: "true",
      length: "0-14,61-90",
      q: "Ek",
      sex: "F",
      ageMin: "30",
      sort: "age",
      order: "asc",
    });
  });

  it("explains ranges the server would refuse, in Swedish", () => {
    expect(checkRanges({ ageMin: "", ageMax: "", endFrom: "", endTo: "" })).toEqual({});
    expect(checkRanges({ ageMin: "4a", ageMax: "200", endFrom: "2026-02-30", endTo: "" })).toEqual({
      ageMin: "Ange åldern som ett heltal.",
      ageMax: "Åldern får vara högst 150.",
      endFrom: "Ange datumet som ÅÅÅÅ-MM-DD.",
    });
    expect(checkRanges({ ageMin: "50", ageMax: "40", endFrom: "2026-12-10", endTo: "2026-12-01" })).toEqual({
      ageMax: "Högsta ålder kan inte vara lägre än lägsta ålder.",
      endTo: "Slutdatum till kan inte vara före slutdatum från.",
    });
  });

  it("toggles the order on the same column and starts long-first on lengths", () => {
    expect(nextSort({ column: "age", order: "asc" }, "age")).toEqual({ column: "age", order: "desc" });
    expect(nextSort({ column: "age", order: "asc" }, "days")).toEqual({ column: "days", order: "desc" });
    expect(nextSort({ column: "days", order: "desc" }, "name")).toEqual({ column: "name", order: "asc" });
  });

  it("shows the saved columns in screen order, always with the patient column", () => {
    expect(shownColumns(null)).toEqual(shownColumns(defaultColumns));
    expect(shownColumns(["risk", "days", "unknown"])).toEqual(["name", "days", "risk"]);
  });
});
