import { describe, expect, it } from "vitest";
import { numericPatientKey, PatientIndex } from "./patient-index.ts";

describe("patient index", () => {
  it("reads personnummer-shaped ids as distinct numbers", () => {
    expect(numericPatientKey("191212121212")).toBe(191_212_121_212);
    expect(numericPatientKey("19121212-1212")).toBe(1e12 + 191_212_121_212);
    for (const other of ["121212-1212", "19121212+1212", "1912121a1212", "P1", "", "19121212-121x"]) {
      expect(numericPatientKey(other)).toBe(-1);
    }
  });

  it("stores and finds numeric and other ids, growing as needed", () => {
    const index = new PatientIndex();
    const ids = Array.from({ length: 5000 }, (_, i) =>
      i % 3 === 0 ? `patient-${i}` : `${19_000_000 + i}${i % 2 ? "-" : ""}${String(i).padStart(4, "0")}`,
    );
    ids.forEach((id, i) => index.add(id, i));
    ids.forEach((id, i) => expect(index.get(id)).toBe(i));
    expect(index.get("19121212-1212")).toBe(-1);
    expect(index.get("nobody")).toBe(-1);
  });
});
