/**
 * `samsyn import listning FILE` — imports the listed population (listade patienter per unit,
 * month, sex and age band) exported by the region's listing system, for every unit the file
 * names (by id or HSA-id). The whole file in one transaction, or nothing: a bad row, or a row
 * naming a unit that does not exist, refuses the file with its row and column (exit 2).
 */
import { readFile } from "node:fs/promises";
import {
  issueText,
  parsePopulationCsv,
  PopulationFormatError,
  populationCsvHeader,
} from "../../population/format.ts";
import { monthOf } from "../../population/rules.ts";
import { importListedPopulation, unitsByName } from "../../population/store.ts";
import { withDatabase } from "../database.ts";
import { UsageError, write, writeJson, type CommandIo } from "../io.ts";

export const listningUsage = "usage: samsyn import listning FILE";

export const listningHelp = `${listningUsage}

Imports the listed population from FILE into the configured database (DATABASE_URL, or the
embedded database in SAMSYN_DATA_DIR, default ./data; the server must not be running on it).
FILE is CSV, UTF-8 (a BOM is fine), semicolon separated, with the header

  ${populationCsvHeader}

and one row per unit, month (ÅÅÅÅ-MM), sex (K or M) and age band (0-15, 16-19, 20-29, 30-39,
40-49, 50-59, 60-64, 65-69, 70+); "enhet" is the unit's id in Samsyn or its HSA-id. The format
is described in docs/listning-csv.md.

Each unit and month in the file replaces what the unit had for that month; the same file again
changes nothing. All or nothing: any bad row (named by row and column on stderr) imports nothing.

Prints the report on stdout: {"created", "replaced", "unchanged", "months": [{"unitId", "month",
"outcome", "women", "men", "total"}]}. Exit 2 on bad usage, a file that cannot be read, or a
file with bad rows.
`;

const purpose = "Import av listade patienter (kommandoraden)";

function refused(file: string, lines: string[]): UsageError {
  const shown = lines.slice(0, 20);
  const more = lines.length > shown.length ? [`… and ${lines.length - shown.length} more`] : [];
  return new UsageError(`${file}: nothing was imported.\n${[...shown, ...more].join("\n")}`);
}

export async function importListning(files: string[], io: CommandIo): Promise<number> {
  if (files.length !== 1)
    throw new UsageError(files.length === 0 ? "no FILE given" : "give exactly one FILE", listningUsage);
  const file = files[0]!;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let rows;
  try {
    rows = parsePopulationCsv(text, { currentMonth: monthOf(io.today) });
  } catch (error) {
    if (error instanceof PopulationFormatError) throw refused(file, error.issues.map(issueText));
    throw error;
  }
  return withDatabase(io, {}, async (database) => {
    await database.migrate();
    const units = await unitsByName(
      database.db,
      rows.map((r) => r.unit),
    );
    const unknown = rows.filter((r) => !units.has(r.unit));
    if (unknown.length > 0) {
      throw refused(
        file,
        unknown.map((r) => `Rad ${r.row}, kolumn enhet: enheten ${r.unit} finns inte.`),
      );
    }
    const report = await importListedPopulation(
      database.db,
      { actor: null, grant: null, purpose },
      rows.map((r) => ({ ...r, unitId: units.get(r.unit)! })),
    );
    await writeJson(io, report);
    await write(
      io.stderr,
      `samsyn import listning: ${report.created} months created, ${report.replaced} replaced, ${report.unchanged} unchanged\n`,
    );
    return 0;
  });
}
