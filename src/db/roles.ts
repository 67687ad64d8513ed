/**
 * Two roles on a PostgreSQL server. The owner (DATABASE_OWNER_URL) owns the tables and runs the
 * migrations; the server runs as the application role (DATABASE_URL), which owns nothing: it gets
 * the DML it needs on the data tables and only INSERT and SELECT on the audit tables. So it can
 * neither change nor delete an audit event, nor disable the append-only triggers (only an owner
 * may ALTER a table).
 */
import { sql } from "drizzle-orm";
import { openDatabase, rowsOf, type Database, type Queryable } from "./client.ts";

/** The audit tables: append-only for the application. */
export const auditTables = ["audit_event", "audit_seal"] as const;

export async function currentRole(q: Queryable): Promise<string> {
  const [row] = rowsOf<{ role: string }>(await q.execute(sql`SELECT current_user AS role`));
  return row!.role;
}

/** Grants the application role what it needs; run as the owner after every migration. */
export async function grantApplicationRole(owner: Queryable, appRole: string): Promise<void> {
  const app = sql.identifier(appRole);
  await owner.execute(sql`GRANT USAGE ON SCHEMA public TO ${app}`);
  await owner.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
  await owner.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  for (const table of auditTables) {
    await owner.execute(
      sql`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${sql.identifier(table)} FROM ${app}`,
    );
  }
}

/** True when the connected role owns (or is a member of the owner of) the audit log: it could rewrite it. */
export async function ownsAuditLog(q: Queryable): Promise<boolean> {
  const [row] = rowsOf<{ owns: boolean }>(
    await q.execute(sql`
      SELECT pg_has_role(current_user, c.relowner, 'USAGE') AS owns
      FROM pg_class c WHERE c.oid = 'audit_event'::regclass`),
  );
  return row?.owns ?? false;
}

/**
 * Migrates the database the server runs on: as the owner when DATABASE_OWNER_URL is given (then
 * re-grants the application role, so new tables are covered), else as DATABASE_URL's role.
 */
export async function migrateDatabase(database: Database, ownerUrl: string | null): Promise<void> {
  if (database.kind !== "postgres" || !ownerUrl) {
    await database.migrate();
    return;
  }
  const owner = await openDatabase({ kind: "postgres", url: ownerUrl, poolSize: 1 });
  try {
    await owner.migrate();
    const appRole = await currentRole(database.db);
    if (appRole !== (await currentRole(owner.db))) await grantApplicationRole(owner.db, appRole);
  } finally {
    await owner.close();
  }
}
