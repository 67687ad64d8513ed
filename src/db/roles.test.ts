/**
 * On PostgreSQL the server runs as a role that owns nothing. Here the API serves a patient as that
 * role (the read and its audit event work), and the same role can neither change nor delete an
 * audit event or seal, nor switch off the append-only trigger; it can still seal.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminQuery,
  asRole,
  serverUrl,
  testAppRole,
  templateDatabase,
  testDatabaseKinds,
  withDatabase,
} from "../../test/databases.ts";
import { testSealing, type TestSealing } from "../../test/audit-sealing.ts";
import { clientFor, createTestApp } from "../../test/app.ts";
import { buildPatient, buildUnit, buildUser } from "../../test/factories.ts";
import { sealAndCheckpoint } from "../audit/sealer.ts";
import { clock } from "../dates/clock.ts";
import { verifyAuditLog } from "../audit/verify.ts";
import { openDatabase, rowsOf, type Database } from "./client.ts";
import { migrateDatabase, ownsAuditLog } from "./roles.ts";

const appRole = testAppRole;

describe.runIf(testDatabaseKinds().includes("postgres"))("the application's database role", () => {
  const url = serverUrl()!;
  const name = `samsyn_test_${randomUUID().replaceAll("-", "")}`;
  let owner: Database;
  let app: Database;
  let sealing: TestSealing;

  beforeAll(async () => {
    await adminQuery(
      url,
      `DO $$ BEGIN CREATE ROLE ${appRole} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
    );
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
    const ownerUrl = withDatabase(url, name);
    owner = await openDatabase({ kind: "postgres", url: ownerUrl, poolSize: 2 });
    app = await openDatabase({ kind: "postgres", url: asRole(ownerUrl, appRole), poolSize: 2 });
    // What the server does at start with DATABASE_OWNER_URL: migrate as the owner, grant the app role.
    await migrateDatabase(app, ownerUrl);
    sealing = testSealing();
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    sealing?.remove();
  });

  it("serves patient data and writes its audit event, but cannot rewrite the audit log", async () => {
    const unit = await buildUnit(owner.db);
    const doctor = await buildUser(owner.db, { roles: [["LAKARE", unit.id]] });
    const patient = await buildPatient(owner.db, unit.id);
    const client = await clientFor(createTestApp(app), doctor.id);
    const read = await client.json("GET", `/api/patients/${patient.id}`);
    expect(read.status).toBe(200);
    const [logged] = rowsOf<{ seq: string }>(
      await app.db.execute(sql`SELECT seq FROM audit_event WHERE patient_id = ${patient.id}`),
    );
    expect(logged).toBeDefined();

    expect(await ownsAuditLog(app.db)).toBe(false);
    expect(await ownsAuditLog(owner.db)).toBe(true);
    const refused = async (statement: ReturnType<typeof sql>) => {
      const error = await app.db.execute(statement).then(
        () => null,
        (e: unknown) => e as { cause?: { code?: string } },
      );
      // 42501 insufficient_privilege: refused by the grants, before any trigger runs.
      expect(error?.cause?.code).toBe("42501");
    };
    await refused(sql`UPDATE audit_event SET purpose = 'Ändrad' WHERE seq = ${logged!.seq}`);
    await refused(sql`DELETE FROM audit_event WHERE seq = ${logged!.seq}`);
    await refused(sql`TRUNCATE audit_event`);
    await refused(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
    await refused(sql`ALTER TABLE audit_event DISABLE TRIGGER ALL`);

    // The sealer runs as the same role: it may add seals, never change one.
    expect((await sealAndCheckpoint(app, sealing, clock().now().toISOString())).sealed).toBeGreaterThan(0);
    await refused(sql`UPDATE audit_seal SET key_id = 'x'`);
    await refused(sql`DELETE FROM audit_seal`);
    await refused(sql`ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_append_only`);
    expect(await verifyAuditLog(app.db, sealing.verifyOptions())).toMatchObject({ ok: true, problems: [] });
  }, 60_000);
});
