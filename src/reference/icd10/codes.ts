/**
 * ICD-10-SE codes as Samsyn stores them: upper case, without the dot ("F43.8A" → "F438A").
 * Pure; runs in the browser as well as on the server.
 */

/** A letter, two digits, then at most two more positions (digits or letters): 3–5 positions. */
const CODE_SHAPE = /^[A-Z]\d{2}[0-9A-Z]{0,2}$/;

/** "f43.8a " → "F438A": dots and spaces removed, upper case. Does not check the shape. */
export function normalizeIcdCode(input: string): string {
  return input.replace(/[.\s]/g, "").toUpperCase();
}

/** True for a normalized code of 3–5 positions (letter, two digits, up to two more). */
export function hasIcdCodeShape(code: string): boolean {
  return CODE_SHAPE.test(code);
}

/** The code as it is printed: a dot after the third position ("F438A" → "F43.8A", "M54" → "M54"). */
export function formatIcdCode(code: string): string {
  const normalized = normalizeIcdCode(code);
  return normalized.length > 3 ? `${normalized.slice(0, 3)}.${normalized.slice(3)}` : normalized;
}

/** An inclusive range of three-position categories, as in "A00-B99". */
export interface CodeRange {
  from: string;
  to: string;
}

/** Whether the code's category (its first three positions) lies in the range. */
export function inCodeRange(code: string, range: CodeRange): boolean {
  const category = code.slice(0, 3);
  return category >= range.from && category <= range.to;
}

/** "A00-B99" → { from: "A00", to: "B99" }; null when the text is not such a range. */
export function parseCodeRange(text: string): CodeRange | null {
  const match = /^([A-Z]\d{2})-([A-Z]\d{2})$/.exec(text.trim().toUpperCase());
  if (!match || match[1]! > match[2]!) return null;
  return { from: match[1]!, to: match[2]! };
}
