/**
 * The long fuzz: hostile variants of every operation of the OpenAPI document (the generator of
 * test/fuzz), ≥ 10,000 requests on each database, through the real app. Reports answers by status
 * and every problem: a 5xx, English text in an error, or a refused request that wrote something
 * (checksum of every table before and after). Exits 1 on any problem.
 *
 *   PATH=node_modules/.bin:$PATH node bench/fuzz/run.ts [--requests 10000] [--seed 1]
 *     [--databases pglite,postgres] [--url postgres://postgres@127.0.0.1:5432/samsyn_bench_fuzz]
 *
 * The PostgreSQL database named in --url is dropped and created anew.
 */
import { parseArgs } from "node:util";
import fc from "fast-check";
import pg from "pg";
import pino from "pino";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { createTestApp } from "../../test/app.ts";
import { hostileRequests } from "../../test/fuzz/hostile.ts";
import { exercise } from "../../test/fuzz/run.ts";
import { createFuzzWorld, databaseChecksum } from "../../test/fuzz/world.ts";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    databases: { type: "string", default: "pglite,postgres" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/samsyn_bench_fuzz" },
  },
});
const requests = Number(values.requests);
const seed = Number(values.seed);

async function freshPostgres(url: string): Promise<Database> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return openDatabase({ kind: "postgres", url, poolSize: 5 });
}

async function run(kind: string): Promise<number> {
  const database =
    kind === "postgres"
      ? await freshPostgres(values.url)
      : await openDatabase({ kind: "pglite", dataDir: null });
  await database.migrate();
  const serverErrors: string[] = [];
  const testApp = createTestApp(database, {
    logger: pino({ level: "error" }, { write: (line: string) => serverErrors.push(line) }),
  });
  const world = await createFuzzWorld(testApp);
  const statuses = new Map<number, number>();
  const problems: string[] = [];
  const started = performance.now();
  let checksum = await databaseChecksum(database);
  const samples = fc.sample(hostileRequests(world), { numRuns: requests, seed });
  for (const [index, request] of samples.entries()) {
    const outcome = await exercise(testApp, request, checksum);
    checksum = outcome.after;
    statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
    for (const problem of outcome.problems) {
      problems.push(outcome.status >= 500 ? `${problem}\n  ${serverErrors.at(-1) ?? ""}` : problem);
    }
    if ((index + 1) % 1000 === 0) console.error(`${kind}: ${index + 1} / ${requests}`);
  }
  await database.close();
  const seconds = (performance.now() - started) / 1000;
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  const fiveXx = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `${kind}: ${requests} requests over ${world.operations.length} operations in ${seconds.toFixed(0)} s (seed ${seed}); ${fiveXx} × 5xx; ${problems.length} problems`,
  );
  console.log(`  by status: ${byStatus.join(", ")}`);
  for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
  return problems.length;
}

let failures = 0;
for (const kind of values.databases.split(",")) failures += await run(kind.trim());
process.exit(failures > 0 ? 1 : 0);
