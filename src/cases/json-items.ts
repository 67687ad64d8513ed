/**
 * The item-by-item check of a contract's JSON array input (`samsyn sjukfall`'s certificates,
 * `samsyn statistik --arenden`'s ärenden): an invalid item, or a second one with an id already
 * used, is left out and named with English messages that give its index, id and field; the
 * others are kept. Not an array: nothing to compute (`ok: false`).
 */
import type { z } from "zod";

export type ParsedItems<T> =
  | { ok: true; items: T[]; problems: string[]; leftOut: { index: number; id: string | null }[] }
  | { ok: false; problems: string[] };

/** `diagnoses[0].code`, as the contracts' readers write a field. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    text += typeof key === "number" ? `[${key}]` : `${text ? "." : ""}${String(key)}`;
  }
  return text;
}

const idOf = (value: unknown) => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
};

/** `noun` names one item ("certificate"), `plural` the array ("certificates"). */
export function parseItemsWithIds<T extends { id: string }>(
  data: unknown,
  schema: z.ZodType<T>,
  names: { noun: string; plural: string },
  maxProblems = 20,
): ParsedItems<T> {
  if (!Array.isArray(data))
    return { ok: false, problems: [`the input must be a JSON array of ${names.plural}`] };
  const items: T[] = [];
  const problems: string[] = [];
  const leftOut: { index: number; id: string | null }[] = [];
  const indexOfId = new Map<string, number>();
  const describe = (index: number, value: unknown) => {
    const id = idOf(value);
    return id === null ? `${names.noun} [${index}]` : `${names.noun} [${index}] (id "${id}")`;
  };
  const report = (index: number, value: unknown, found: string[]) => {
    leftOut.push({ index, id: idOf(value) });
    for (const problem of found) if (problems.length < maxProblems) problems.push(problem);
  };
  for (let index = 0; index < data.length; index++) {
    const value: unknown = data[index];
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      report(
        index,
        value,
        parsed.error.issues.map((issue) => {
          const field = fieldPath(issue.path);
          return `${describe(index, value)}: ${field ? `${field} ` : ""}${issue.message}`;
        }),
      );
      continue;
    }
    const earlier = indexOfId.get(parsed.data.id);
    if (earlier !== undefined) {
      report(index, value, [`${describe(index, value)}: id is already used by ${names.noun} [${earlier}]`]);
      continue;
    }
    indexOfId.set(parsed.data.id, index);
    items.push(parsed.data);
  }
  return { ok: true, items, problems, leftOut };
}
