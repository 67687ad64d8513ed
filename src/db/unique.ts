/**
 * An insert that a unique index may refuse because someone wrote the same row at the same moment:
 * run in a savepoint, so the caller's transaction stays usable and can answer 409.
 */
import type { Queryable, Tx } from "./client.ts";

/** The insert's result, or null when a unique index refused it. */
export async function insertUnlessDuplicate<T>(
  q: Queryable,
  insert: (savepoint: Tx) => Promise<T>,
): Promise<T | null> {
  try {
    return await q.transaction(insert);
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
