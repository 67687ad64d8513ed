/**
 * The backup drill (issue 8.5): a server runs on an embedded database; `samsyn backup` takes a
 * backup through it (online); the backup is restored into a fresh data directory, where every
 * table has the backup's row count and checksum, `samsyn audit verify` passes, and a server starts.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "../src/audit/audit.ts";
import { decodeBackup } from "../src/backup/format.ts";
import { tableSums } from "../src/backup/snapshot.ts";
import { runCli } from "../src/cli/test-cli.ts";
import { openDatabase } from "../src/db/client.ts";
import { testSealing } from "./audit-sealing.ts";
import { buildPatient, buildUnit, buildUser } from "./factories.ts";
import { startServer } from "./server-process.ts";

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("backup and restore of the embedded database", () => {
  it("backs up a running server, restores into a fresh directory, verifies and starts", async () => {
    const source = tempDir("samsyn-drill-a-");
    testSealing(source);
    const database = await openDatabase({ kind: "pglite", dataDir: source });
    await database.migrate();
    const unit = await buildUnit(database.db);
    await buildUser(database.db, { roles: [["LAKARE", unit.id]] });
    for (let i = 0; i < 5; i++) {
      const patient = await buildPatient(database.db, unit.id);
      await recordAudit(database.db, { actor: null, grant: null, unitId: unit.id }, [
        { action: "READ", purpose: "Vård och behandling", patientId: patient.id },
      ]);
    }
    await database.close();

    const server = await startServer({ SAMSYN_DATA_DIR: source, SAMSYN_AUDIT_SEAL_SECONDS: "0.2" });
    const backupFile = path.join(tempDir("samsyn-drill-file-"), "samsyn.backup");
    try {
      await server.listening();
      const backup = await runCli(["backup", backupFile], { SAMSYN_DATA_DIR: source });
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(JSON.parse(backup.stdout)).toMatchObject({ file: backupFile, via: "server" });
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const { manifest, entries } = decodeBackup(readFileSync(backupFile));
    expect([...entries.keys()].sort()).toEqual(["audit/audit.key", "audit/checkpoints.jsonl", "pg.tar.gz"]);
    expect(manifest.tables.audit_event).toEqual({ rows: 5, checksum: expect.any(String) });
    expect(manifest.tables.audit_seal?.rows).toBe(5);

    const target = path.join(tempDir("samsyn-drill-b-"), "data");
    const restore = await runCli(["restore", backupFile], { SAMSYN_DATA_DIR: target });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({
      restored: true,
      differing: [],
      auditKey: "restored",
      audit: { ok: true, events: 5, sealed: 5, problems: [] },
    });

    // Every table, counted and checksummed again here: as the backup recorded them.
    const restored = await openDatabase({ kind: "pglite", dataDir: target });
    try {
      expect(await tableSums(restored.db)).toEqual(manifest.tables);
    } finally {
      await restored.close();
    }
    const verify = await runCli(["audit", "verify"], { SAMSYN_DATA_DIR: target });
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, sealed: 5, chains: 1 });

    // A second restore into the same directory is refused: nothing is overwritten silently.
    const again = await runCli(["restore", backupFile], { SAMSYN_DATA_DIR: target });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already holds a database");

    const restarted = await startServer({ SAMSYN_DATA_DIR: target });
    try {
      await restarted.listening();
      const health = await fetch(`http://127.0.0.1:${restarted.port}/api/health`);
      expect(await health.json()).toMatchObject({
        status: "ok",
        database: "pglite",
        audit: { healthy: true },
      });
    } finally {
      expect(await restarted.stop()).toBe(0);
    }
  }, 240_000);
});
