import { describe, expect, it } from "vitest";
import {
  certificateDocument,
  issuingUnit,
  pdfTexts,
  renderCertificatePdf,
  type CertificatePrint,
} from "./pdf.ts";

const unitRow = {
  name: "Vårdcentralen Norr",
  postalAddress: "Storgatan 1",
  postalCode: "831 30",
  town: "Östersund",
  phone: "063-100 00",
};

const content = {
  grund: [{ typ: "FYSISK_UNDERSOKNING", datum: "2026-11-16" }],
  sysselsattning: ["NUVARANDE_ARBETE"],
  diagnoser: [{ kod: "M54.5", text: "Lumbago" }],
  perioder: [{ grad: 100, from: "2026-11-16", tom: "2026-11-29" }],
  enhet: {
    namn: "Hälsocentralen Väster",
    postadress: "Kyrkgatan 5",
    postnummer: "831 31",
    postort: "Östersund",
    telefon: "063-200 00",
  },
};

const patient = { personnummer: "191212121212", givenName: "Tolvan", familyName: "Tolvansson" };

function print(
  overrides: Partial<CertificatePrint["row"]>,
  signer: CertificatePrint["signer"],
): CertificatePrint {
  const row = {
    id: "c-1",
    status: "SIGNERAT" as const,
    content,
    signedAt: "2026-11-16T13:05:00Z",
    ...overrides,
  };
  return { row, patient, signer, unit: issuingUnit(row.content, unitRow) };
}

/** Every text the document prints, in order (header, body, footer of page 1). */
function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") return textsOf((value as (page: number, pages: number) => unknown)(1, 1));
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === "object") {
    const node = value as Record<string, unknown>;
    return ["text", "stack", "columns", "table", "body", "content", "footer"].flatMap((key) =>
      key in node ? textsOf(node[key]) : [],
    );
  }
  return [];
}

const printed = (p: CertificatePrint) => textsOf(certificateDocument(p)).join("\n");

describe("certificate PDF in FK 7804 layout", () => {
  const signer = { name: "Anna Andersson", title: "Specialist i allmänmedicin" };

  it("heads the form with FK 7804 and Läkarintyg för sjukpenning, questions under FK's numbers", () => {
    const text = printed(print({}, signer));
    expect(text).toContain("FK 7804");
    expect(text).toContain("Läkarintyg för sjukpenning");
    expect(text).toMatch(/^6\. \nDiagnos/m);
    expect(text).toMatch(/^32\. \nMin bedömning/m);
  });

  it("ends with the issuer block: the signing doctor, the signing date and the unit's contact data", () => {
    const text = printed(print({}, signer));
    expect(text).toContain(pdfTexts.issuerBlock);
    expect(text).toContain("Anna Andersson, Specialist i allmänmedicin");
    expect(text).toContain("2026-11-16");
    expect(text).toContain("Hälsocentralen Väster");
    expect(text).toContain("Kyrkgatan 5");
    expect(text).toContain("831 31 Östersund");
    expect(text).toContain("063-200 00");
    expect(text).toContain(`${pdfTexts.signed} 2026-11-16 14:05`);
    expect(text).not.toContain(pdfTexts.unsigned);
    expect(text.indexOf(pdfTexts.issuerBlock)).toBeGreaterThan(text.indexOf("Min bedömning"));
  });

  it("marks a draft as not signed and names no doctor", () => {
    const draft = print({ status: "UTKAST", signedAt: null }, null);
    const text = printed(draft);
    expect(text).toContain(pdfTexts.unsigned);
    expect(text).not.toContain(pdfTexts.signed);
    expect(text).not.toContain("Anna Andersson");
    expect(certificateDocument(draft).watermark).toMatchObject({ text: pdfTexts.watermark });
    expect(certificateDocument(print({}, signer)).watermark).toBeUndefined();
  });

  it("takes the unit's contact data from the certificate, the unit row filling what it lacks", () => {
    expect(issuingUnit({ enhet: { namn: "Enheten", postadress: "", telefon: null } }, unitRow)).toEqual({
      namn: "Enheten",
      postadress: "Storgatan 1",
      postnummer: "831 30",
      postort: "Östersund",
      telefon: "063-100 00",
    });
    expect(issuingUnit({}, unitRow).namn).toBe("Vårdcentralen Norr");
  });

  it("renders a PDF", async () => {
    const pdf = await renderCertificatePdf(print({}, signer));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
