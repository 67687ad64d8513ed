/**
 * A per-process cache of unit-wide unit lists, keyed by the unit's data version: a number the
 * database itself moves (triggers of migration 0010) in every transaction that changes what the
 * list shows. Each request reads the version (one indexed row) before anything else; while it is the
 * one an entry was computed at, the entry is the list. Correct with several server processes, since
 * the version lives in the database.
 *
 * - The version is read first, on the caller's connection or transaction, then the list is
 *   computed: an entry holds data at least as new as its version.
 * - Versions come from a sequence and are never reused, not even after a rollback: a list computed
 *   in a transaction that changed the unit (and sees its own, uncommitted version) can only match
 *   if exactly that version is committed, i.e. if that transaction commits without further changes.
 * - Entries hold unit-wide data only; who sees which rows (a doctor's own cases) is decided by the
 *   caller after the cache. A unit without a version row is never cached.
 * - At most `maxEntries` lists per database, least recently used first out.
 */
import type { Database, Queryable } from "../db/client.ts";
import { unitDataVersion } from "../db/data-version.ts";

export const maxEntries = 32;

interface Entry {
  version: string;
  /** The reference data the list was computed with (titles, FMB, groups). */
  reference: object;
  value: readonly unknown[];
}

const caches = new WeakMap<Database, Map<string, Entry>>();

/**
 * The unit-wide list of `unitId` under `key` (everything else it depends on: the day, the
 * settings), from the cache if the unit's data version is unchanged, else computed by `compute`
 * (on the same connection, after the version was read) and kept.
 */
export async function cachedUnitList<T>(
  q: Queryable,
  database: Database,
  scope: { unitId: string; key: string; reference: object },
  compute: () => Promise<T[]>,
): Promise<readonly T[]> {
  const version = await unitDataVersion(q, scope.unitId);
  if (version === null) return compute();
  let entries = caches.get(database);
  if (!entries) caches.set(database, (entries = new Map()));
  const id = `${scope.unitId}\u0000${scope.key}`;
  const hit = entries.get(id);
  if (hit && hit.version === version && hit.reference === scope.reference) {
    // Most recently used last.
    entries.delete(id);
    entries.set(id, hit);
    return hit.value as readonly T[];
  }
  const value = Object.freeze(await compute());
  entries.delete(id);
  entries.set(id, { version, reference: scope.reference, value });
  while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  return value;
}

/** Forget every cached list of the database (tests). */
export function clearUnitListCache(database: Database): void {
  caches.delete(database);
}

/** How many lists are kept for the database (tests). */
export function cachedUnitListCount(database: Database): number {
  return caches.get(database)?.size ?? 0;
}
