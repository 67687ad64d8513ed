/**
 * Benchmark: `samsyn import certificates FILE` of a region's certificates (default 1,000,000) into a
 * fresh database holding only the region's units and staff, as a migration from another system
 * would run it: the real command in its own process, its progress lines passed through.
 *
 *   PATH=node_modules/.bin:$PATH node bench/import/run.ts [--db postgres|pglite] [--certificates 1000000]
 *     [--url postgres://…] [--chunk 5000]
 *
 * The file is generated once per size into .tmp/bench-import/ and reused. PostgreSQL: the database
 * in --url (default postgres://postgres@127.0.0.1:5432/samsyn_bench_import) is dropped and created;
 * PGlite: a new data directory under .tmp/bench-import/. Afterwards the certificates and audit
 * events are counted, and the same file is imported again (everything unchanged) unless
 * --no-again is given.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, rowsOf, type Database } from "../../src/db/client.ts";
import { loadOrganisation, writeCertificateFile } from "./data.ts";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    certificates: { type: "string", default: "1000000" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/samsyn_bench_import" },
    chunk: { type: "string", default: "5000" },
    "no-again": { type: "boolean", default: false },
  },
});
const root = path.resolve(import.meta.dirname, "../..");
const work = path.join(root, ".tmp/bench-import");
const certificates = Number(values.certificates);
// The data set is fixed: its own "today", so the file can be reused whatever the date.
const today = "2026-11-30";

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

async function openFresh(): Promise<{ database: Database; env: Record<string, string> }> {
  if (values.db === "pglite") {
    const dataDir = path.join(work, "pglite");
    rmSync(dataDir, { recursive: true, force: true });
    return { database: await openDatabase({ kind: "pglite", dataDir }), env: { SAMSYN_DATA_DIR: dataDir } };
  }
  await freshPostgres(values.url);
  return {
    database: await openDatabase({ kind: "postgres", url: values.url }),
    env: { DATABASE_URL: values.url },
  };
}

/** The real command; its stderr (progress) goes to ours, its stdout (the report) is returned. */
function runImport(
  file: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; ms: number }> {
  const started = performance.now();
  const child = spawn(
    "node",
    [path.join(root, "bin/samsyn.mjs"), "import", "certificates", "--chunk", values.chunk, file],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", ...env, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += String(chunk)));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, ms: performance.now() - started }));
  });
}

async function count(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: unknown }>(await database.db.execute(query))[0]!.n);
}

mkdirSync(work, { recursive: true });
const file = path.join(work, `certificates-${certificates}.json`);
if (!existsSync(file)) {
  const started = performance.now();
  console.log(`generating ${file} …`);
  const written = await writeCertificateFile(file, today, certificates);
  console.log(
    `${written.toLocaleString("en")} certificates written in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
const size = statSync(file).size;

const fresh = await openFresh();
const env = fresh.env;
let database = fresh.database;
await database.migrate();
await loadOrganisation(database, today, certificates);
const units = await count(database, sql`SELECT count(*) AS n FROM unit`);
await database.close();

console.log(
  `import benchmark — ${file} (${(size / 1e6).toFixed(0)} MB) into ${values.db === "pglite" ? "PGlite" : "PostgreSQL"} with ${units} units, ` +
    `chunks of ${values.chunk}; node ${process.version}`,
);
const first = await runImport(file, env);
if (first.code !== 0) throw new Error(`the import exited with ${first.code}`);
const report = JSON.parse(first.stdout) as {
  created: number;
  updated: number;
  unchanged: number;
  patientsCreated: number;
  rejected: unknown[];
};

database =
  values.db === "pglite"
    ? await openDatabase({ kind: "pglite", dataDir: env.SAMSYN_DATA_DIR! })
    : await openDatabase({ kind: "postgres", url: values.url });
const stored = await count(database, sql`SELECT count(*) AS n FROM certificate`);
const audited = await count(
  database,
  sql`SELECT count(*) AS n FROM audit_event WHERE action = 'CREATE' AND entity = 'certificate'`,
);
await database.close();

console.log(
  `import:  ${(first.ms / 1000).toFixed(1)} s  ${Math.round(report.created / (first.ms / 1000)).toLocaleString("en")} certificates/s  ` +
    `created ${report.created.toLocaleString("en")}, patients ${report.patientsCreated.toLocaleString("en")}, rejected ${report.rejected.length}  ` +
    `— target < 120 s: ${first.ms < 120_000 ? "met" : "NOT met"}`,
);
console.log(
  `stored: ${stored.toLocaleString("en")} certificates, ${audited.toLocaleString("en")} audit events (one per certificate created)`,
);
if (!values["no-again"]) {
  const again = await runImport(file, env);
  const second = JSON.parse(again.stdout) as { created: number; unchanged: number };
  console.log(
    `again:   ${(again.ms / 1000).toFixed(1)} s  created ${second.created}, unchanged ${second.unchanged.toLocaleString("en")} (idempotent)`,
  );
}
