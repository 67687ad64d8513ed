/**
 * The one pdfmake setup: fonts, the access policy and the buffer plumbing, for every PDF the
 * server renders (the certificate, the unit list export).
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";

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

/** The font every document uses (set it as the definition's default style). */
export const pdfFont = "Roboto";

export function renderPdfDocument(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(definition).getBuffer();
}
