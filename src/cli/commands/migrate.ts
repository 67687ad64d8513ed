/** `samsyn migrate`: brings the configured database to the current schema (what the server does on start). */
import { migrateDatabase } from "../../db/roles.ts";
import { loadConfig } from "../../server/config.ts";
import { withDatabase } from "../database.ts";
import { parseOptions, write, writeJson, type CommandIo } from "../io.ts";

export const migrateUsage = "usage: samsyn migrate";

export const migrateHelp = `${migrateUsage}

Applies the database migrations to the configured database (DATABASE_URL, or the embedded
database in SAMSYN_DATA_DIR, default ./data). Safe to run again: applied migrations are skipped. With DATABASE_OWNER_URL the migrations run as
the owner, which then grants DATABASE_URL's role what the server needs (README).
Prints {"migrated": true, "database": "pglite"|"postgres"}.
`;

export async function migrateCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseOptions(args, { help: { type: "boolean", short: "h" } }, migrateUsage);
  if (values.help) {
    await write(io.stdout, migrateHelp);
    return 0;
  }
  const kind = await withDatabase(io, {}, async (database) => {
    // withDatabase has validated the configuration already.
    await migrateDatabase(database, loadConfig(io.env).databaseOwnerUrl);
    return database.kind;
  });
  await writeJson(io, { migrated: true, database: kind });
  return 0;
}
