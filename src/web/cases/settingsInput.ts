/** Reading a sjukfall parameter typed into a form: a whole number within its limits, or empty. */
export type Param = "gap" | "afterEnd";

const names: Record<Param, string> = { gap: "Glappet", afterEnd: "Dagar efter slut" };

export type ParsedParam = { ok: true; value: number | null } | { ok: false; message: string };

export function parseParam(
  param: Param,
  input: string,
  limits: { min: number; max: number },
  optional: boolean,
): ParsedParam {
  const text = input.trim();
  const message = `${names[param]} ska vara ett heltal från ${limits.min} till ${limits.max}.`;
  if (text === "") return optional ? { ok: true, value: null } : { ok: false, message };
  if (!/^\d+$/.test(text)) return { ok: false, message };
  const value = Number(text);
  return value >= limits.min && value <= limits.max ? { ok: true, value } : { ok: false, message };
}
