/**
 * The certificate as a PDF with the FK 7804 content, for the patient's copy and the record.
 * Printing is an audited use of patient data (PRINT); the name is printed because the patient's
 * own certificate is a need-to-know use even for a protected identity.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { formatPersonnummer } from "../patients/identity.ts";
import type { CertificateRow } from "./store.ts";
import { statusLabels } from "./workflow.ts";
import { contentLabels, describeContent } from "./print-content.ts";

const require = createRequire(import.meta.url);
// pdfmake's server build is CommonJS and exposes one configured instance.
const pdfmake = require("pdfmake") as {
  setFonts(fonts: unknown): void;
  setLocalAccessPolicy(policy: (p: string) => boolean): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
const fontDir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, "Roboto-Regular.ttf"),
    bold: path.join(fontDir, "Roboto-Medium.ttf"),
    italics: path.join(fontDir, "Roboto-Italic.ttf"),
    bolditalics: path.join(fontDir, "Roboto-MediumItalic.ttf"),
  },
});
// Only the fonts may be read from disk while rendering: content can never pull in a file.
pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir));
// … and nothing from the network.
pdfmake.setUrlAccessPolicy(() => false);

export async function renderCertificatePdf(
  row: CertificateRow,
  patient: { personnummer: string; givenName: string; familyName: string },
): Promise<Buffer> {
  const sections: Content[] = describeContent(row.content).flatMap(({ label, lines }) => [
    { text: label, style: "label" },
    ...lines.map((line) => ({ text: line, margin: [0, 0, 0, 2] as [number, number, number, number] })),
  ]);
  const definition: TDocumentDefinitions = {
    info: { title: "Läkarintyg för sjukpenning" },
    pageSize: "A4",
    pageMargins: [50, 60, 50, 60],
    content: [
      { text: "Läkarintyg för sjukpenning", style: "title" },
      { text: `${contentLabels.form} · Status: ${statusLabels[row.status]}`, margin: [0, 0, 0, 12] },
      {
        table: {
          widths: ["auto", "*"],
          body: [
            ["Patient", `${patient.givenName} ${patient.familyName}`],
            ["Personnummer", formatPersonnummer(patient.personnummer)],
            ["Signerat", row.signedAt ? row.signedAt.slice(0, 10) : "Ej signerat"],
            ["Intygs-id", row.id],
          ],
        },
        layout: "lightHorizontalLines",
        margin: [0, 0, 0, 12],
      },
      ...sections,
    ],
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      label: { bold: true, margin: [0, 8, 0, 2] },
    },
    defaultStyle: { font: "Roboto", fontSize: 10 },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
