/**
 * `samsyn audit verify` against someone who owns the database but not the audit key: the owner
 * switches off the append-only triggers, edits an event and re-seals it (first without the key,
 * then by deleting the seals and letting the real sealer seal the edited chain again), and cuts
 * the tail of a chain. Each is found, named, and exits 1.
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
import { testSealing } from "../../../test/audit-sealing.ts";
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
  const dir = mkdtempSync(path.join(tmpdir(), "samsyn-audit-"));
  const url = serverUrl()!;
  const name = `samsyn_test_${randomUUID().replaceAll("-", "")}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
  const databaseUrl = withDatabase(url, name);
  return {
    env: { DATABASE_URL: databaseUrl, SAMSYN_DATA_DIR: dir },
    open: () => openDatabase({ kind: "postgres", url: databaseUrl, poolSize: 1 }),
    remove: async () => {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dir, { recursive: true, force: true });
    },
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

async function seqAt(database: Database, chain: string, position: number): Promise<number> {
  const [row] = rowsOf<{ seq: string }>(
    await database.db.execute(
      sql`SELECT seq FROM audit_seal WHERE chain = ${chain} AND chain_pos = ${position}`,
    ),
  );
  return Number(row!.seq);
}

/** As the tables' owner: the append-only triggers off for `work`. */
async function asOwner(t: Target, work: (database: Database) => Promise<void>) {
  await using(t, async (database) => {
    await database.db.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
    await database.db.execute(sql`ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_append_only`);
    await work(database);
    await database.db.execute(sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    await database.db.execute(sql`ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_append_only`);
  });
}

describe.each(testDatabaseKinds())("samsyn audit verify on %s", (kind) => {
  it("passes an intact log; finds a re-sealed edit and a cut tail with exit 1", async () => {
    const t = await target(kind);
    testSealing(t.env.SAMSYN_DATA_DIR);
    try {
      await using(t, async (database) => {
        await database.migrate();
        const event = (unitId: string | null, n: number) =>
          recordAudit(database.db, { actor: null, grant: null, unitId }, [
            { action: "READ", purpose: `Vård och behandling ${n}`, entity: "patient", entityId: `p${n}` },
          ]);
        for (let n = 1; n <= 3; n++) await event("HC-NORR", n);
        for (let n = 4; n <= 5; n++) await event("HC-SODER", n);
        await event(null, 6);
      });
      const unsealed = await runCli(["audit", "verify"], t.env);
      expect(unsealed.code).toBe(0);
      expect(JSON.parse(unsealed.stdout)).toMatchObject({
        ok: true,
        events: 6,
        sealed: 0,
        unsealed: { count: 6 },
      });

      const seal = await runCli(["audit", "seal"], t.env);
      expect(seal.stderr).toBe("");
      expect(JSON.parse(seal.stdout)).toEqual({ sealed: 6 });
      const intact = await runCli(["audit", "verify"], t.env);
      expect(intact.stderr).toBe("");
      expect(intact.code).toBe(0);
      expect(JSON.parse(intact.stdout)).toMatchObject({
        ok: true,
        events: 6,
        sealed: 6,
        chains: 3,
        unsealed: { count: 0 },
        checkpoint: { lines: 1, chains: 3 },
        problems: [],
      });

      // 1. Edit an event and re-seal it the only way possible without the key: a new hash of its own making.
      let editedSeq = 0;
      await asOwner(t, async (database) => {
        editedSeq = await seqAt(database, "HC-NORR", 2);
        await database.db.execute(
          sql`UPDATE audit_event SET purpose = 'Något annat' WHERE seq = ${editedSeq}`,
        );
        await database.db.execute(
          sql`UPDATE audit_seal s SET hash = sha256(p.hash || convert_to(e.purpose, 'UTF8'))
              FROM audit_seal p, audit_event e
              WHERE s.seq = ${editedSeq} AND e.seq = s.seq AND p.chain = s.chain AND p.chain_pos = s.chain_pos - 1`,
        );
      });
      const forged = await runCli(["audit", "verify"], t.env);
      expect(forged.code).toBe(1);
      expect(JSON.parse(forged.stdout)).toMatchObject({
        ok: false,
        problems: [{ chain: "HC-NORR", seq: editedSeq, position: 2, problem: "HASH_MISMATCH" }],
      });

      // 2. Drop the seals from the edited event on and let the real sealer seal the edited chain again.
      let oldHeadSeq = 0;
      await asOwner(t, async (database) => {
        oldHeadSeq = await seqAt(database, "HC-NORR", 3);
        await database.db.execute(sql`DELETE FROM audit_seal WHERE chain = 'HC-NORR' AND chain_pos >= 2`);
      });
      expect(JSON.parse((await runCli(["audit", "seal"], t.env)).stdout)).toEqual({ sealed: 2 });
      const resealed = await runCli(["audit", "verify"], t.env);
      expect(resealed.code).toBe(1);
      expect(JSON.parse(resealed.stdout)).toMatchObject({
        ok: false,
        sealed: 6,
        problems: [
          expect.objectContaining({
            chain: "HC-NORR",
            seq: oldHeadSeq,
            position: 3,
            problem: "CHECKPOINT_MISMATCH",
          }),
        ],
      });

      // 3. Cut the tail of another chain, seal and all: the database alone shows no gap.
      let cutSeq = 0;
      await asOwner(t, async (database) => {
        cutSeq = await seqAt(database, "HC-SODER", 2);
        await database.db.execute(sql`DELETE FROM audit_seal WHERE seq = ${cutSeq}`);
        await database.db.execute(sql`DELETE FROM audit_event WHERE seq = ${cutSeq}`);
      });
      const cut = await runCli(["audit", "verify"], t.env);
      expect(cut.code).toBe(1);
      const problems = (JSON.parse(cut.stdout) as { problems: unknown[] }).problems;
      expect(problems).toHaveLength(2);
      expect(problems).toContainEqual({
        chain: "HC-SODER",
        seq: cutSeq,
        position: 2,
        problem: "TAIL_CUT",
        detail: expect.stringMatching(/^position 2 is missing \(checkpointed /),
      });
    } finally {
      await t.remove();
    }
  }, 480_000);
});
