/**
 * Loads the demo region into a database: on the first start of an empty embedded database
 * (`loadDemoIfEmpty`, called by the server) and from `samsyn demo` (`runDemo`). Everything is
 * written in one transaction, so the region is there completely or not at all, and a database
 * that already has a region is never touched.
 */
import { sql } from "drizzle-orm";
import { roles, type Role } from "../access/policy.ts";
import { hashPassword } from "../auth/password.ts";
import type { Database, Queryable } from "../db/client.ts";
import { rowsOf } from "../db/client.ts";
import { loadTestPersonnummer } from "../reference/testpersonnummer.ts";
import { defaultSeed, demoPlan, generateDemo, type DemoPlan } from "./generate.ts";
import { RowSink, type RowCounts } from "./sink.ts";

/** The password of every demo account. */
export const demoPassword = "samsyn-demo";

export class DemoRefusedError extends Error {}

export interface DemoUser {
  username: string;
  /** The role's Swedish label. */
  role: string;
  /** The unit's name, or "Alla enheter" for the region-wide accounts. */
  unit: string;
}

export interface DemoProgress {
  counts: RowCounts;
  seconds: number;
}

export interface DemoRunOptions {
  /** ISO date the data ends around: today in Europe/Stockholm for real use. */
  today: string;
  seed?: string;
  /** Scale to exactly this many certificates (see `demoPlan`). */
  certificates?: number;
  /** Rows per INSERT statement. */
  batchSize?: number;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoResult {
  plan: DemoPlan;
  seed: string;
  today: string;
  counts: RowCounts;
  users: DemoUser[];
  password: string;
  seconds: number;
}

interface DemoLogger {
  info(details: object, message: string): void;
}

export async function hasRegion(q: Queryable): Promise<boolean> {
  return rowsOf(await q.execute(sql`SELECT 1 FROM region LIMIT 1`)).length > 0;
}

/** Creates the demo region; refuses (DemoRefusedError) when the database already has a region. */
export async function runDemo(database: Database, options: DemoRunOptions): Promise<DemoResult> {
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  const seed = options.seed ?? defaultSeed;
  const plan = demoPlan(options.certificates);
  const passwordHash = await hashPassword(demoPassword);
  const personnummer = loadTestPersonnummer();
  const users: DemoUser[] = [];

  const counts = await database.db.transaction(async (tx) => {
    // Two starts at once (several server processes on one PostgreSQL) must not both load.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('samsyn.demo'))`);
    if (await hasRegion(tx)) {
      throw new DemoRefusedError(
        "The database already holds a region; the demo region is only loaded into an empty database.",
      );
    }
    const sink = new RowSink(tx, options.batchSize);
    const unitNames = new Map<string, string>();
    const usernames = new Map<string, string>();
    let lastReport = 0;
    let writing = Promise.resolve();
    for (const record of generateDemo({
      seed,
      today: options.today,
      personnummer,
      passwordHash,
      certificates: options.certificates,
    })) {
      if (record.table === "unit") unitNames.set(record.row.id, record.row.name);
      if (record.table === "appUser") usernames.set(record.row.id!, record.row.username);
      if (record.table === "assignment") collectUser(users, record.row, usernames, unitNames);
      if (sink.push(record)) {
        // Generate the next batch while the database writes this one.
        await writing;
        writing = sink.flush();
        // Awaited at the next batch; until then a failure must not count as unhandled.
        writing.catch(() => undefined);
        if (options.onProgress && seconds() - lastReport >= 1) {
          lastReport = seconds();
          options.onProgress({ counts: sink.counts, seconds: lastReport });
        }
      }
    }
    await writing;
    await sink.flush();
    return sink.counts;
  });
  return { plan, seed, today: options.today, counts, users, password: demoPassword, seconds: seconds() };
}

const regionWide = new Set<string>(["REGIONANALYTIKER", "SYSTEMADMINISTRATOR"]);

function collectUser(
  users: DemoUser[],
  row: { userId: string; unitId: string; role: string },
  usernames: Map<string, string>,
  unitNames: Map<string, string>,
) {
  const username = usernames.get(row.userId)!;
  const role = roles[row.role as Role];
  if (regionWide.has(row.role)) {
    if (!users.some((u) => u.username === username)) users.push({ username, role, unit: "Alla enheter" });
    return;
  }
  users.push({ username, role, unit: unitNames.get(row.unitId)! });
}

/**
 * The server's first start: an embedded database without a region gets the demo region, so a
 * new user can log in at once. Takes a few seconds.
 */
export async function loadDemoIfEmpty(
  database: Database,
  options: { today: string; logger?: DemoLogger },
): Promise<{ created: boolean; password: string; users: DemoUser[] }> {
  if (await hasRegion(database.db)) return { created: false, password: demoPassword, users: [] };
  try {
    const result = await runDemo(database, { today: options.today });
    options.logger?.info(
      { ...result.counts, seconds: result.seconds, today: result.today },
      "demo region created",
    );
    return { created: true, password: result.password, users: result.users };
  } catch (error) {
    if (error instanceof DemoRefusedError) return { created: false, password: demoPassword, users: [] };
    throw error;
  }
}
