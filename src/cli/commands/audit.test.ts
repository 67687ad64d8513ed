/**
 * `samsyn audit verify` finds an audit event edited behind the application's back: the database
 * superuser switches off the append-only trigger and changes a row; the verification reports the
 * row's HASH_MISMATCH and exits 1, so a scheduled job notices.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  adminQuery,
  serverUrl,
  templateDatabase,
  testDatabaseKinds,
  withDatabase,
  type TestDatabaseKind,
} from "../../../test/databases.ts";
import { recordAudit } from "../../audit/audit.ts";
import { openDatabase, rowsOf, type Database } from "../../db/client.ts";
import { runCli } from "../test-cli.ts";

interface Target {
  /** What the command line needs to find the database. */
  env: Record<string, string>;
  /** Opens the database in this process (PGlite: close it before the command line runs). */
  open(): Promise<Database>;
  remove(): Promise<void>;
}

async function target(kind: TestDatabaseKind): Promise<Target> {
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(tmpdir(), "samsyn-audit-"));
    return {
      env: { SAMSYN_DATA_DIR: dir },
      open: () => openDatabase({ kind: "pglite", dataDir: dir }),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = serverUrl()!;
  const name = `samsyn_test_${randomUUID().replaceAll("-", "")}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
  const databaseUrl = withDatabase(url, name);
  return {
    env: { DATABASE_URL: databaseUrl },
    open: () => openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 1 }),
    remove: () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function using<T>(t: Target, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await t.open();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

describe.each(testDatabaseKinds())("samsyn audit verify on %s", (kind) => {
  it("passes an intact log and reports an edited event with exit 1", async () => {
    const t = await target(kind);
    try {
      const editedSeq = await using(t, async (database) => {
        await database.migrate();
        const event = (unitId: string | null, n: number) =>
          recordAudit(database.db, { actor: null, grant: null, unitId }, [
            { action: "READ", purpose: `Vård och behandling ${n}`, entity: "patient", entityId: `p${n}` },
          ]);
        for (let n = 1; n <= 3; n++) await event("HC-NORR", n);
        for (let n = 4; n <= 5; n++) await event("HC-SODER", n);
        await event(null, 6);
        const [second] = rowsOf<{ seq: string }>(
          await database.db.execute(
            sql`SELECT seq FROM audit_event WHERE chain = 'HC-NORR' AND chain_pos = 2`,
          ),
        );
        return Number(second!.seq);
      });

      const intact = await runCli(["audit", "verify"], t.env);
      expect(intact.stderr).toBe("");
      expect(intact.code).toBe(0);
      expect(JSON.parse(intact.stdout)).toEqual({ ok: true, events: 6, chains: 3, problems: [] });

      await using(t, async (database) => {
        // What an administrator with database access could do; the application never can.
        await database.db.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
        await database.db.execute(
          sql`UPDATE audit_event SET purpose = 'Något annat' WHERE seq = ${editedSeq}`,
        );
        await database.db.execute(sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
      });

      const tampered = await runCli(["audit", "verify"], t.env);
      expect(tampered.code).toBe(1);
      expect(JSON.parse(tampered.stdout)).toEqual({
        ok: false,
        events: 6,
        chains: 3,
        problems: [{ chain: "HC-NORR", seq: editedSeq, position: 2, problem: "HASH_MISMATCH" }],
      });
    } finally {
      await t.remove();
    }
  }, 60_000);
});
