/**
 * `samsyn fmb import FILE|-` — stores a newer FMB dump (Socialstyrelsen's försäkringsmedicinska
 * beslutsstöd) in the database; the server uses it from its next start instead of the shipped one.
 * FILE is one JSON object holding both JSON:API dumps of the FMB API:
 * `{ "diagnosinformation": <dump>, "typfall": <dump> }`. A dump of the wrong shape is refused
 * (exit 2) and nothing is stored.
 */
import { withDatabase } from "../database.ts";
import { parseOptions, UsageError, write, writeJson, type CommandIo } from "../io.ts";
import { FmbFormatError } from "../../reference/fmb/fmb.ts";
import { parseFmbDumps, storeFmbDumps } from "../../reference/fmb/load.ts";
import { readJsonInput } from "../json-input.ts";
import { clock } from "../../dates/clock.ts";

export const fmbUsage = "usage: samsyn fmb import FILE|-";

export const fmbHelp = `${fmbUsage}

Stores an FMB dump in the configured database (DATABASE_URL, or the embedded database in
SAMSYN_DATA_DIR, default ./data); the server uses it from its next start instead of the dump
shipped with Samsyn. FILE (- reads stdin) is a JSON object with both dumps of Socialstyrelsen's
FMB API (JSON:API, as /fmb/forsakringsmedicinskdiagnosinformation and /fmb/typfall answer):

  { "diagnosinformation": { "data": [...] }, "typfall": { "data": [...] } }

Prints {"imported": true, "database": …, "diagnoses": N, "typfall": N, "codes": N}.
Exit 2 on bad usage, unreadable input or a dump of the wrong shape (nothing is stored then).
`;

export async function fmbCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { help: { type: "boolean", short: "h" } },
    fmbUsage,
    true,
  );
  if (values.help) {
    await write(io.stdout, fmbHelp);
    return 0;
  }
  const [subcommand, ...files] = positionals;
  if (subcommand !== "import") {
    throw new UsageError(
      subcommand === undefined ? "missing subcommand (import)" : `unknown subcommand "${subcommand}"`,
      fmbUsage,
    );
  }
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0 ? "no input FILE given (use - for stdin)" : "give exactly one FILE",
      fmbUsage,
    );
  }
  const input = await readJsonInput(files[0]!, io.stdin);
  let parsed;
  try {
    parsed = parseFmbDumps(input);
  } catch (error) {
    if (error instanceof FmbFormatError) throw new UsageError(error.message);
    throw error;
  }
  const { size } = parsed.fmb;
  const kind = await withDatabase(io, {}, async (database) => {
    await database.migrate();
    await storeFmbDumps(database.db, parsed.dumps, clock().now());
    return database.kind;
  });
  await write(
    io.stderr,
    `samsyn fmb: imported ${size.diagnoses} diagnosis entries and ${size.typfall} typfall; ` +
      "the server uses them from its next start.\n",
  );
  await writeJson(io, {
    imported: true,
    database: kind,
    diagnoses: size.diagnoses,
    typfall: size.typfall,
    codes: size.codes,
  });
  return 0;
}
