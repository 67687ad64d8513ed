/**
 * Benchmark: GET /api/sjukfall (pågående sjukfall) of a unit with 10,000 certificates over five
 * years, on PostgreSQL, through the real server (createApp + @hono/node-server) with 20 concurrent
 * users; GET /api/health of the same server in the same run is the yardstick.
 *
 *   PATH=node_modules/.bin:$PATH node bench/unit-list/run.ts [--url postgres://…] [--seconds 10]
 *     [--users 20] [--certificates 30000] [--query "over30=true"] [--change-every 100]
 *
 * The database named in --url (default postgres://postgres@127.0.0.1:5432/samsyn_bench_unit_list) is
 * dropped and created anew. The demo generator (`samsyn demo --certificates 30000`) fills three
 * units of 10,000 certificates each over five years; the first unit is measured. Each of the users is
 * a rehabkoordinator of that unit with its own session. Every request lists the unit (default page of
 * 100 rows) and writes its audit events, as in production.
 *
 * The server keeps a unit's computed list while the unit's data version is unchanged
 * (src/worklist/cache.ts). With --change-every <ms>, one of the unit's patients is updated that
 * often during the list measurement (each update moves the version), so that share of requests
 * computes the list anew; without it, the unit's data does not change during the run.
 */
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { serve } from "@hono/node-server";
import { and, asc, eq, sql } from "drizzle-orm";
import pg from "pg";
import { createSession, sessionCookie } from "../../src/auth/session.ts";
import { createCertificateChecker } from "../../src/certificates/checker.ts";
import { stockholmToday } from "../../src/dates/today.ts";
import { openDatabase } from "../../src/db/client.ts";
import { appUser, assignment, certificate, patient, unit } from "../../src/db/schema.ts";
import { runDemo } from "../../src/demo/load.ts";
import { loadReference } from "../../src/reference/index.ts";
import { createApp } from "../../src/app/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { createLogger } from "../../src/server/logger.ts";
import type { LoadResult } from "./load.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/samsyn_bench_unit_list" },
    seconds: { type: "string", default: "10" },
    users: { type: "string", default: "20" },
    certificates: { type: "string", default: "30000" },
    query: { type: "string", default: "" },
    "change-every": { type: "string", default: "0" },
  },
});
const seconds = Number(values.seconds);
const users = Number(values.users);
const changeEvery = Number(values["change-every"]);

async function freshDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

/**
 * Load from a worker thread, as a load generator in another process would: `users` clients, each
 * sending its next request when the previous answer is read, for `ms` milliseconds.
 */
function load(base: string, path: string, cookies: string[], ms: number) {
  return new Promise<LoadResult>((resolve, reject) => {
    const worker = new Worker(new URL("./load.ts", import.meta.url), {
      workerData: { base, path, cookies, ms },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

const now = new Date();
const today = stockholmToday(now);
await freshDatabase(values.url);
const database = await openDatabase({ kind: "postgres", url: values.url, poolSize: 20 });
await database.migrate();
const seeded = performance.now();
await runDemo(database, { today, certificates: Number(values.certificates) });
const [measured] = await database.db
  .select({ id: unit.id, name: unit.name })
  .from(unit)
  .orderBy(asc(unit.id))
  .limit(1);
const [count] = await database.db
  .select({ n: sql<number>`count(*)::int` })
  .from(certificate)
  .where(and(eq(certificate.unitId, measured!.id)));
const [span] = await database.db
  .select({ from: sql<string>`min(start_date)::text`, to: sql<string>`max(end_date)::text` })
  .from(certificate)
  .where(eq(certificate.unitId, measured!.id));
await database.db.execute(sql`ANALYZE`);
const seedSeconds = (performance.now() - seeded) / 1000;

const cookies: string[] = [];
for (let i = 0; i < users; i++) {
  const [user] = await database.db
    .insert(appUser)
    .values({ username: `bench-rehab-${i}`, displayName: `Bänk Koordinator ${i}` })
    .returning();
  await database.db
    .insert(assignment)
    .values({ userId: user!.id, unitId: measured!.id, role: "REHABKOORDINATOR" });
  const { token } = await createSession(database.db, {
    userId: user!.id,
    authMethod: "password",
    ttlMinutes: 600,
    now,
  });
  cookies.push(`${sessionCookie}=${token}`);
}

const reference = await loadReference(database);
const app = createApp({
  database,
  config: loadConfig({ SAMSYN_DATA_DIR: ".tmp/bench-unused", LOG_LEVEL: "silent", DATABASE_URL: values.url }),
  logger: createLogger("silent"),
  now: () => new Date(),
  reference,
  certificateChecker: createCertificateChecker(reference),
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((resolve) => server.once("listening", resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

const listPath = `/api/sjukfall${values.query ? `?${values.query}` : ""}`;
const first = await fetch(`${base}${listPath}`, { headers: { cookie: cookies[0]! } });
const firstBody = (await first.json()) as {
  counts: { total: number; women: number; men: number };
  rows: unknown[];
};
if (first.status !== 200) throw new Error(`GET ${listPath} answered ${first.status}`);

console.log(
  `unit list benchmark — ${measured!.name}: ${count!.n.toLocaleString("en-US")} certificates ${span!.from} … ${span!.to} ` +
    `(seeded in ${seedSeconds.toFixed(0)} s), today ${today}; node ${process.version}, PostgreSQL, ${users} concurrent users, ${seconds} s each`,
);
console.log(
  `list: ${firstBody.counts.total} ongoing cases (women ${firstBody.counts.women}, men ${firstBody.counts.men}), ${firstBody.rows.length} rows per page`,
);

// Warm-up, then health and the list alternately measured in the same process and server.
await load(base, "/api/health", cookies, 2000);
await load(base, listPath, cookies, 2000);
const health = await load(base, "/api/health", cookies, seconds * 1000);
let changes = 0;
const [changed] = await database.db
  .select({ id: patient.id })
  .from(patient)
  .where(eq(patient.unitId, measured!.id))
  .limit(1);
const changer =
  changeEvery > 0
    ? setInterval(() => {
        changes++;
        void database.db
          .update(patient)
          .set({ givenName: sql`${patient.givenName}` })
          .where(eq(patient.id, changed!.id))
          .execute();
      }, changeEvery)
    : null;
const list = await load(base, listPath, cookies, seconds * 1000);
if (changer) clearInterval(changer);
const line = (name: string, r: LoadResult) =>
  `${name.padEnd(22)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  (${r.requests} requests, ${r.failures} failed)`;
console.log(line("GET /api/health", health));
console.log(line(`GET ${listPath}`, list));
if (changer) console.log(`unit data changed ${changes} times during the list run (every ${changeEvery} ms)`);
console.log(
  `throughput ratio list / health: ${(list.perSecond / health.perSecond).toFixed(3)}  —  target p95 < 100 ms: ${list.p95 < 100 ? "met" : "NOT met"}`,
);

server.close();
await database.close();
