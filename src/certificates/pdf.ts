/**
 * The certificate as a PDF in Försäkringskassan's FK 7804 layout, for the patient's copy and the
 * record: the form header, the answers under FK's question numbers and the issuer block
 * ("Intygsutfärdare / Underskrift") with the signing doctor and the issuing unit.
 * Printing is an audited use of patient data (PRINT); the name is printed because the patient's
 * own certificate is a need-to-know use even for a protected identity.
 */
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { Queryable } from "../db/client.ts";
import { stockholmDateTimeText, stockholmToday } from "../dates/today.ts";
import { findUnit, findUserName } from "../org/store.ts";
import { formatPersonnummer } from "../patients/identity.ts";
import { pageFrame, renderPdfDocument } from "../pdf/render.ts";
import { parseContent } from "./content.ts";
import { describeContent, type Section } from "./print-content.ts";
import type { CertificateRow } from "./store.ts";
import { statusLabels } from "./workflow.ts";

export const pdfTexts = {
  title: "Läkarintyg för sjukpenning",
  formId: "FK 7804",
  issuer: "Försäkringskassan",
  issuerBlock: "Intygsutfärdare / Underskrift",
  unsigned: "UTKAST – ej signerat",
  unsignedNote: "Intyget är inte giltigt förrän läkaren har signerat det.",
  signed: "Intyget är elektroniskt signerat",
  watermark: "UTKAST",
} as const;

/** The issuing unit's contact data as the form prints it. */
export interface UnitContact {
  namn: string;
  postadress: string;
  postnummer: string;
  postort: string;
  telefon: string;
}

export interface CertificatePrint {
  row: Pick<CertificateRow, "id" | "status" | "content" | "signedAt">;
  patient: { personnummer: string; givenName: string; familyName: string };
  /** The doctor who signed the certificate (not whoever prints it); null while unsigned. */
  signer: { name: string; title: string } | null;
  unit: UnitContact;
}

/** The unit as the certificate states it (`enhet`, what was signed), the unit row filling gaps. */
export function issuingUnit(
  content: CertificateRow["content"],
  unit: { name: string; postalAddress: string; postalCode: string; town: string; phone: string },
): UnitContact {
  const stated = parseContent(content).enhet;
  const pick = (value: string | null | undefined, fallback: string) => value?.trim() || fallback;
  return {
    namn: pick(stated?.namn, unit.name),
    postadress: pick(stated?.postadress, unit.postalAddress),
    postnummer: pick(stated?.postnummer, unit.postalCode),
    postort: pick(stated?.postort, unit.town),
    telefon: pick(stated?.telefon, unit.phone),
  };
}

/** What the PDF prints besides the answers: the doctor who signed it and the issuing unit. */
export async function certificatePrint(
  q: Queryable,
  row: CertificateRow,
  patient: CertificatePrint["patient"],
): Promise<CertificatePrint> {
  const signer = row.signedAt && row.doctorId ? await findUserName(q, row.doctorId) : null;
  const unit = (await findUnit(q, row.unitId))!;
  return { row, patient, signer, unit: issuingUnit(row.content, unit) };
}

type Margin = [number, number, number, number];

function header(print: CertificatePrint): Content[] {
  const signed = print.row.signedAt !== null;
  return [
    {
      columns: [
        {
          stack: [
            { text: pdfTexts.issuer, bold: true },
            { text: pdfTexts.title, style: "title" },
          ],
        },
        {
          width: "auto",
          stack: [
            { text: pdfTexts.formId, style: "formId" },
            { text: "Version 2", alignment: "right", fontSize: 8 },
          ],
        },
      ],
      margin: [0, 0, 0, 6] as Margin,
    },
    signed
      ? { text: `Status: ${statusLabels[print.row.status]}`, margin: [0, 0, 0, 8] as Margin }
      : { text: pdfTexts.unsigned, style: "unsigned", margin: [0, 0, 0, 8] as Margin },
  ];
}

function patientBlock(print: CertificatePrint): Content {
  const { patient, row } = print;
  return {
    table: {
      widths: ["*", "auto", "auto"],
      body: [
        [
          { text: "Patientens namn", style: "caption" },
          { text: "Personnummer", style: "caption" },
          { text: "Intygs-id", style: "caption" },
        ],
        [`${patient.givenName} ${patient.familyName}`, formatPersonnummer(patient.personnummer), row.id],
      ],
    },
    layout: "headerLineOnly",
    margin: [0, 0, 0, 10],
  };
}

function question(section: Section): Content[] {
  return [
    {
      text: [
        { text: `${section.field}. `, bold: true },
        { text: section.label, bold: true },
      ],
      style: "question",
    },
    ...section.lines.map((line) => ({ text: line, margin: [10, 0, 0, 2] as Margin })),
  ];
}

function issuerRows(print: CertificatePrint): [string, string][] {
  const { signer, unit, row } = print;
  const doctor = signer ? [signer.name, signer.title].filter((part) => part.trim()).join(", ") : "–";
  return [
    ["Läkarens namn och befattning", doctor],
    ["Datum för signering", row.signedAt ? stockholmToday(new Date(row.signedAt)) : "–"],
    ["Vårdenhetens namn", unit.namn],
    ["Postadress", unit.postadress],
    ["Postnummer och ort", `${unit.postnummer} ${unit.postort}`.trim()],
    ["Telefonnummer", unit.telefon],
  ];
}

function issuerBlock(print: CertificatePrint): Content {
  const { signedAt } = print.row;
  const signature: Content = signedAt
    ? { text: `${pdfTexts.signed} ${stockholmDateTimeText(new Date(signedAt))}`, bold: true }
    : { text: `${pdfTexts.unsigned}. ${pdfTexts.unsignedNote}`, style: "unsigned" };
  return {
    unbreakable: true,
    margin: [0, 14, 0, 0],
    table: {
      widths: ["auto", "*"],
      body: [
        [{ text: pdfTexts.issuerBlock, style: "blockTitle", colSpan: 2 }, {}],
        ...issuerRows(print).map(([caption, value]) => [
          { text: caption, style: "caption" },
          { text: value || "–" },
        ]),
        [{ ...signature, colSpan: 2, margin: [0, 4, 0, 4] as Margin }, {}],
      ],
    },
  };
}

/** The pdfmake document of a certificate; pure, so the layout is tested without rendering. */
export function certificateDocument(print: CertificatePrint): TDocumentDefinitions {
  const questions = describeContent(print.row.content)
    .filter((section) => section.field !== "enhet")
    .flatMap(question);
  return {
    ...pageFrame({
      title: `${pdfTexts.formId} ${pdfTexts.title}`,
      margins: [50, 50, 50, 50],
      fontSize: 10,
      footerPrefix: `${pdfTexts.formId} · ${pdfTexts.title}`,
    }),
    ...(print.row.signedAt ? {} : { watermark: { text: pdfTexts.watermark, opacity: 0.08, bold: true } }),
    content: [...header(print), patientBlock(print), ...questions, issuerBlock(print)],
    styles: {
      title: { fontSize: 16, bold: true },
      formId: { fontSize: 16, bold: true, alignment: "right" },
      unsigned: { bold: true, color: "#b00020", fontSize: 11 },
      question: { margin: [0, 8, 0, 2] },
      blockTitle: { bold: true, fontSize: 11, margin: [0, 2, 0, 2] },
      caption: { fontSize: 8, color: "#444444" },
    },
  };
}

export function renderCertificatePdf(print: CertificatePrint): Promise<Buffer> {
  return renderPdfDocument(certificateDocument(print));
}
