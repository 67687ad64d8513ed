/**
 * Precomputed statistics (issue #10 item 7): one unit's figures for one request are kept in
 * `statistics_snapshot` with the unit data version they were computed at (`src/db/data-version.ts`).
 * While the version is unchanged the kept figures are exactly what a new computation would give,
 * since every table the figures read moves the version in the writing transaction; when it moves,
 * only that unit is computed again. A region's answer thus reads one row per unchanged unit.
 *
 * The version is read first, then the figures: kept figures are never older than their version.
 * A unit without a version is computed every time.
 */
import type { Queryable } from "../db/client.ts";
import { unitDataVersion } from "../db/data-version.ts";
import { requestedRange, unitStatistics, type StatisticsRequest, type UnitStatistics } from "./service.ts";
import { hasSnapshot, readSnapshot, writeSnapshot, type SnapshotKey } from "./store.ts";

/** Everything besides the unit's data that the figures depend on. */
export function snapshotRequestKey(request: StatisticsRequest): string {
  const range = requestedRange(request);
  return [request.today, range.from, range.to, request.by, request.suppress].join("|");
}

async function keyOf(q: Queryable, unitId: string, request: StatisticsRequest): Promise<SnapshotKey | null> {
  const dataVersion = await unitDataVersion(q, unitId);
  return dataVersion === null ? null : { unitId, requestKey: snapshotRequestKey(request), dataVersion };
}

async function computeAndKeep(q: Queryable, key: SnapshotKey, request: StatisticsRequest) {
  const figures = await unitStatistics(q, key.unitId, request);
  await writeSnapshot(q, { ...key, computedFor: request.today, figures });
  return figures;
}

/** The unit's figures for the request: kept ones while the unit's data is unchanged, else computed and kept. */
export async function precomputedUnitStatistics(
  q: Queryable,
  unitId: string,
  request: StatisticsRequest,
): Promise<UnitStatistics> {
  const key = await keyOf(q, unitId, request);
  if (key === null) return unitStatistics(q, unitId, request);
  // Written by computeAndKeep from a UnitStatistics of this very request: JSON keeps its shape
  // (plain objects, arrays, strings, numbers and nulls; snapshot.test.ts checks the round trip).
  const kept = (await readSnapshot(q, key)) as UnitStatistics | null;
  return kept ?? computeAndKeep(q, key, request);
}

/** Computes and keeps the unit's figures for the request unless they are kept already; whether it computed. */
export async function ensureUnitSnapshot(
  q: Queryable,
  unitId: string,
  request: StatisticsRequest,
): Promise<boolean> {
  const key = await keyOf(q, unitId, request);
  if (key === null || (await hasSnapshot(q, key))) return false;
  await computeAndKeep(q, key, request);
  return true;
}
