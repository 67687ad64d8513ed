/** A patient document (the plan's patient version, the brochure) as an A4 PDF in large, plain type. */
import type { Content } from "pdfmake/interfaces.js";
import { pageFrame, renderPdfDocument } from "../pdf/render.ts";
import type { PrintDocument } from "./patient-info.ts";

export function renderPatientDocumentPdf(document: PrintDocument, createdAt: Date): Promise<Buffer> {
  const body: Content[] = [
    { text: document.title, fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
    ...document.lead.map((text): Content => ({ text, margin: [0, 0, 0, 4] })),
    ...document.sections.flatMap((s): Content[] => [
      { text: s.heading, fontSize: 14, bold: true, margin: [0, 14, 0, 4] },
      ...s.paragraphs.map((text): Content => ({ text, margin: [0, 0, 0, 4] })),
      ...(s.items.length > 0 ? [{ ul: s.items, margin: [0, 0, 0, 4] } as Content] : []),
    ]),
  ];
  return renderPdfDocument({
    ...pageFrame({ title: document.title, margins: [50, 50, 50, 50], fontSize: 12, createdAt }),
    content: body,
  });
}
