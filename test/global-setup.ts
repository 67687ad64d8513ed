/**
 * Migrate once per test run: PGlite to a data-directory dump each worker loads (~0.5 s instead
 * of a cold migrate), and the PostgreSQL server to a template database each test copies.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { openDatabase, migrationsFolder } from "../src/db/client.ts";
import type { TestProject } from "vitest/node";
import { grantApplicationRole } from "../src/db/roles.ts";
import { adminQuery, pgliteDumpFile, serverUrl, testAppRole, withDatabase } from "./databases.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  // One template per run: two runs against the same server (two checkouts) never share one.
  const templateDatabase = `samsyn_test_template_${process.pid}`;
  project.provide("templateDatabase", templateDatabase);
  const client = new PGlite();
  await migrate(drizzle({ client }), { migrationsFolder });
  const dump = await client.dumpDataDir("gzip");
  mkdirSync(path.dirname(pgliteDumpFile), { recursive: true });
  writeFileSync(pgliteDumpFile, Buffer.from(await dump.arrayBuffer()));
  await client.close();

  const url = serverUrl();
  if (url) {
    try {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
      await adminQuery(url, `CREATE DATABASE ${templateDatabase}`);
    } catch (error) {
      throw new Error(
        `Cannot reach the PostgreSQL server at TEST_DATABASE_URL: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    const database = await openDatabase({ kind: "postgres", url: withDatabase(url, templateDatabase) });
    await database.migrate();
    await adminQuery(
      url,
      `DO $$ BEGIN CREATE ROLE ${testAppRole} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
    );
    // Grants live in the template's catalog, so every copy starts with them.
    await grantApplicationRole(database.db, testAppRole);
    await database.close();
    return async () => {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    };
  }
  return undefined;
}
