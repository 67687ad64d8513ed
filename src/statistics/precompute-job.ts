/**
 * Keeps every active unit's statistics precomputed (issue #10 item 7) for the requests the pages
 * open with: today's default range by month, for the unit's staff (nothing suppressed) and for the
 * region's analyst (counts under 5 suppressed). A round reads each unit's data version and computes
 * only the units whose data moved since their figures were kept (or whose day changed), so a
 * request usually reads the kept figures. At start it forgets what earlier processes kept: the code
 * computing the figures may be a new version.
 */
import { eq } from "drizzle-orm";
import { stockholmToday } from "../dates/today.ts";
import { clock } from "../dates/clock.ts";
import type { Database } from "../db/client.ts";
import { unit } from "../db/schema.ts";
import type { ReferenceData } from "../reference/index.ts";
import type { Logger } from "../server/logger.ts";
import { startWorkerLoop, type WorkerLoop } from "../server/worker-loop.ts";
import { REGION_SUPPRESS } from "./suppression.ts";
import { ensureUnitSnapshot } from "./snapshot.ts";
import { clearSnapshots } from "./store.ts";

/** One round: computes what is missing or stale; how many unit figures it computed. */
export async function precomputeStatistics(
  database: Database,
  options: { now: Date; reference: Pick<ReferenceData, "icd10"> },
): Promise<number> {
  const today = stockholmToday(options.now);
  const units = await database.db.select({ id: unit.id }).from(unit).where(eq(unit.active, true));
  let computed = 0;
  for (const { id } of units) {
    for (const suppress of [0, REGION_SUPPRESS]) {
      const request = { today, by: "month" as const, suppress, icd10: options.reference.icd10 };
      // One transaction per unit: the version and the figures it keeps are read together.
      if (await database.db.transaction((tx) => ensureUnitSnapshot(tx, id, request))) computed++;
    }
  }
  return computed;
}

export function startStatisticsPrecompute(options: {
  database: Database;
  reference: Pick<ReferenceData, "icd10">;
  logger: Logger;
  intervalMs?: number;
  startDelayMs?: number;
  now?: () => Date;
}): WorkerLoop {
  const now = options.now ?? clock().now;
  let cleared = false;
  return startWorkerLoop({
    name: "statistics precompute",
    logger: options.logger,
    intervalMs: options.intervalMs ?? 60_000,
    firstDelayMs: options.startDelayMs ?? 2_000,
    run: async () => {
      if (!cleared) {
        await clearSnapshots(options.database.db);
        cleared = true;
      }
      const computed = await precomputeStatistics(options.database, {
        now: now(),
        reference: options.reference,
      });
      if (computed) options.logger.info({ computed }, "statistics precompute");
    },
  });
}
