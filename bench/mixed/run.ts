/**
 * Benchmark: a mixed read/write load of 50 users for 60 s through the real server (createApp +
 * @hono/node-server on a loopback port), on PostgreSQL or on the embedded PGlite. GET /api/health
 * under the same number of users, on the same server in the same run, is the yardstick: p95 is
 * reported as a ratio to it.
 *
 *   PATH=node_modules/.bin:$PATH node bench/mixed/run.ts --db postgres|pglite [--users 50] [--seconds 60]
 *     [--health-seconds 10] [--certificates 30000] [--url postgres://…] [--max-requests 5000]
 *
 * Data: the demo region scaled to --certificates (three units of 10,000 certificates); the
 * database is made anew (PostgreSQL: the database in --url, default
 * postgres://postgres@127.0.0.1:5432/samsyn_bench_mixed, dropped and created; PGlite: a new data
 * directory under .tmp/bench-mixed). The users — half rehabkoordinatorer, half läkare, spread over
 * the three units — log in with passwords and work as bench/mixed/users.ts describes. Bounded: each
 * user stops at the time limit or after --max-requests requests, and nothing listens beyond
 * 127.0.0.1. The server has no per-session API rate limit here (none is configured), so no request
 * is refused for speed.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { serve } from "@hono/node-server";
import { asc, sql } from "drizzle-orm";
import pg from "pg";
import { hashPassword } from "../../src/auth/password.ts";
import { createCertificateChecker } from "../../src/certificates/checker.ts";
import { clock } from "../../src/dates/clock.ts";
import { openDatabase, rowsOf, type Database } from "../../src/db/client.ts";
import { appUser, assignment, unit } from "../../src/db/schema.ts";
import { runDemo } from "../../src/demo/load.ts";
import { loadReference } from "../../src/reference/index.ts";
import { createApp } from "../../src/app/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { createLogger } from "../../src/server/logger.ts";
import type { MixedInput, MixedResult, VirtualUser } from "./users.ts";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/samsyn_bench_mixed" },
    users: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    "health-seconds": { type: "string", default: "10" },
    certificates: { type: "string", default: "30000" },
    "max-requests": { type: "string", default: "5000" },
  },
});
const root = path.resolve(import.meta.dirname, "../..");
const password = "bench-mixed-load";
const users = Number(values.users);

async function freshPostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  target.pathname = "/postgres";
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

async function openFresh(): Promise<Database> {
  if (values.db === "pglite") {
    const dataDir = path.join(root, ".tmp/bench-mixed");
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    return openDatabase({ kind: "pglite", dataDir });
  }
  await freshPostgres(values.url);
  return openDatabase({ kind: "postgres", url: values.url, poolSize: 20 });
}

/** The bench users: half rehabkoordinatorer, half läkare, round-robin over the units. */
async function createUsers(database: Database): Promise<VirtualUser[]> {
  const units = await database.db.select({ id: unit.id }).from(unit).orderBy(asc(unit.id));
  const passwordHash = await hashPassword(password);
  const patientsOf = new Map<string, string[]>();
  for (const u of units) {
    const rows = rowsOf<{ id: string }>(
      await database.db.execute(
        sql`SELECT DISTINCT patient_id AS id FROM certificate WHERE unit_id = ${u.id} ORDER BY 1 LIMIT 300`,
      ),
    );
    patientsOf.set(
      u.id,
      rows.map((r) => r.id),
    );
  }
  const result: VirtualUser[] = [];
  for (let i = 0; i < users; i++) {
    const unitId = units[i % units.length]!.id;
    const role = i % 2 === 0 ? ("REHABKOORDINATOR" as const) : ("LAKARE" as const);
    const username = `bench-${role === "LAKARE" ? "lakare" : "rehab"}-${i}`;
    const [user] = await database.db
      .insert(appUser)
      .values({ username, displayName: `Bänk Användare ${i}`, passwordHash })
      .returning();
    await database.db.insert(assignment).values({ userId: user!.id, unitId, role });
    result.push({ username, role, patients: patientsOf.get(unitId)! });
  }
  return result;
}

function load(input: MixedInput): Promise<MixedResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./users.ts", import.meta.url), { workerData: input });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
  };
}

const today = clock().today();
const seeded = performance.now();
const database = await openFresh();
await database.migrate();
await runDemo(database, { today, certificates: Number(values.certificates) });
const virtualUsers = await createUsers(database);
if (database.kind === "postgres") await database.db.execute(sql`ANALYZE`);
const seedSeconds = (performance.now() - seeded) / 1000;

const reference = await loadReference(database);
const app = createApp({
  database,
  config: loadConfig({
    SAMSYN_DATA_DIR: path.join(root, ".tmp/bench-unused"),
    LOG_LEVEL: "silent",
    ...(database.kind === "postgres" ? { DATABASE_URL: values.url } : {}),
  }),
  logger: createLogger("silent"),
  now: () => clock().now(),
  reference,
  certificateChecker: createCertificateChecker(reference),
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((resolve) => server.once("listening", resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

const [certificates] = rowsOf<{ n: number }>(
  await database.db.execute(sql`SELECT count(*)::int AS n FROM certificate`),
);
console.log(
  `mixed load benchmark — ${database.kind === "pglite" ? "PGlite" : "PostgreSQL"}, ${certificates!.n.toLocaleString("en")} certificates on 3 units ` +
    `(seeded in ${seedSeconds.toFixed(0)} s), ${users} users, health ${values["health-seconds"]} s then mixed ${values.seconds} s; node ${process.version}`,
);

const common = { base, password, users: virtualUsers, maxRequests: Number(values["max-requests"]), today };
// Warm-up (a few seconds of each), then the yardstick and the mixed load.
await load({ ...common, ms: 2000, healthOnly: true });
const warm = await load({ ...common, ms: 3000, healthOnly: false });
const loggedIn = virtualUsers.map((u, i) => ({ ...u, session: warm.sessions[i]! }));
const health = (await load({ ...common, ms: Number(values["health-seconds"]) * 1000, healthOnly: true }))
  .kinds;
const mixed = (
  await load({ ...common, users: loggedIn, ms: Number(values.seconds) * 1000, healthOnly: false })
).kinds;

const yardstick = summary(health.health!.latencies);
const line = (name: string, r: { requests: number; errors: number; latencies: number[] }) => {
  const s = summary(r.latencies);
  return (
    `${name.padEnd(22)} ${String(r.requests).padStart(6)} req  ${String(r.errors).padStart(3)} errors  ` +
    `p50 ${s.p50.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms  p99 ${s.p99.toFixed(1).padStart(7)} ms  ` +
    `max ${s.max.toFixed(0).padStart(6)} ms  p95/health ${(s.p95 / yardstick.p95).toFixed(1).padStart(5)}×`
  );
};
console.log(line("GET /api/health alone", health.health!));
const all = { requests: 0, errors: 0, latencies: [] as number[] };
for (const [kind, r] of Object.entries(mixed).sort((a, b) => b[1].requests - a[1].requests)) {
  console.log(line(kind, r));
  all.requests += r.requests;
  all.errors += r.errors;
  all.latencies.push(...r.latencies);
}
console.log(line("all mixed", all));
console.log(
  `mixed: ${(all.requests / Number(values.seconds)).toFixed(0)} req/s, ${all.errors} errors; ` +
    `p95 ${summary(all.latencies).p95.toFixed(1)} ms = ${(summary(all.latencies).p95 / yardstick.p95).toFixed(1)}× the p95 of /api/health (${yardstick.p95.toFixed(1)} ms)`,
);
server.close();
await database.close();
