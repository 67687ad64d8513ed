/**
 * The one pdfmake setup: fonts, the access policy, the page frame and the buffer plumbing, for
 * every PDF the server renders (the certificate, the unit list export).
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { Margins, TDocumentDefinitions } from "pdfmake/interfaces.js";

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

const pdfFont = "Roboto";

/**
 * What every document's pages share: A4, the title in the file's metadata, "Sida 1 av 3" at the
 * foot (after the document's own words, if any) and the one font. Spread it into the definition.
 */
export function pageFrame(frame: {
  title: string;
  margins: Margins;
  fontSize: number;
  footerPrefix?: string;
  landscape?: boolean;
  /** The document's creation date in its metadata; from the clock, so a report prints reproducibly. */
  createdAt?: Date;
}): Pick<
  TDocumentDefinitions,
  "info" | "pageSize" | "pageOrientation" | "pageMargins" | "footer" | "defaultStyle"
> {
  const prefix = frame.footerPrefix ? `${frame.footerPrefix} · ` : "";
  return {
    info: { title: frame.title, ...(frame.createdAt ? { creationDate: frame.createdAt } : {}) },
    pageSize: "A4",
    pageOrientation: frame.landscape ? "landscape" : "portrait",
    pageMargins: frame.margins,
    footer: (page, pages) => ({
      text: `${prefix}Sida ${page} av ${pages}`,
      alignment: "center",
      fontSize: 8,
    }),
    defaultStyle: { font: pdfFont, fontSize: frame.fontSize },
  };
}

export function renderPdfDocument(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(definition).getBuffer();
}
