/**
 * Test databases. PGlite always; a PostgreSQL server when TEST_DATABASE_URL is set. A set URL
 * that cannot be reached fails the suite: the server part must never be skipped silently.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../src/db/client.ts";

export type TestDatabaseKind = "pglite" | "postgres";

export const pgliteDumpFile = path.resolve(import.meta.dirname, "../.tmp/test-pglite-dump.tgz");
/** The migrated template of this run (made by test/global-setup.ts). */
export function templateDatabase(): string {
  return inject("templateDatabase");
}

export function serverUrl(): string | null {
  return process.env.TEST_DATABASE_URL || null;
}

/** The kinds every storage test runs on. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  if (process.env.CI && !serverUrl()) {
    throw new Error("CI must set TEST_DATABASE_URL: the PostgreSQL tests may not be skipped.");
  }
  return serverUrl() ? ["pglite", "postgres"] : ["pglite"];
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * The role the application runs as on PostgreSQL: it owns nothing (src/db/roles.ts). The test
 * template grants it what the server's start grants it, and the tests run as it, so a query the
 * production role may not run fails here too.
 */
export const testAppRole = "samsyn_test_app";

/** `url`'s server and database as another role (the test server trusts local logins). */
export function asRole(url: string, role: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = "";
  return u.toString();
}

/**
 * A fresh, migrated database of the kind; closing it throws it away. On PostgreSQL it is opened
 * as the application role; `as: "owner"` is for tests that act as someone who owns the tables
 * (an attacker with the owner's password, a migration).
 */
export async function openTestDatabase(
  kind: TestDatabaseKind,
  options: { as?: "app" | "owner" } = {},
): Promise<Database> {
  if (kind === "pglite") {
    const dump = new Blob([readFileSync(pgliteDumpFile)]);
    return openDatabase({ kind: "pglite", dataDir: null, loadDataDir: dump });
  }
  const url = serverUrl();
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const name = `samsyn_test_${randomUUID().replaceAll("-", "")}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
  const ownerUrl = withDatabase(url, name);
  const database = await openDatabase({
    kind: "postgres",
    url: options.as === "owner" ? ownerUrl : asRole(ownerUrl, testAppRole),
    poolSize: 5,
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
