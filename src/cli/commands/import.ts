/**
 * `samsyn import certificates [--unit ID] [--chunk N] FILE` — imports certificates written in
 * another system (the web app's import format: a JSON array in the `sjukfall` certificate format,
 * or CSV one line per period) straight into the database, for migrations of a whole region.
 * Each certificate goes to the unit it names (or only those of --unit); rows naming a unit that
 * does not exist are rejected like any invalid row. Written in chunks, each its own transaction
 * with its audit events (one per certificate created or changed), so an interrupted import keeps
 * what it committed and the same file again resumes it. Progress goes to stderr once a second.
 */
import { readFile } from "node:fs/promises";
import { inArray } from "drizzle-orm";
import { unit } from "../../db/schema.ts";
import {
  ImportFormatError,
  parseCsvImport,
  parseJsonImport,
  type ParsedImport,
} from "../../imports/format.ts";
import { ImportInterruptedError, importCertificates, type ImportReport } from "../../imports/store.ts";
import { loadIcd10 } from "../../reference/icd10/load.ts";
import { importListning, listningHelp } from "./import-listning.ts";
import { withDatabase } from "../database.ts";
import { integerOption, parseOptions, UsageError, write, writeJson, type CommandIo } from "../io.ts";

export const importUsage =
  "usage: samsyn import certificates [--unit ID] [--chunk N] FILE\n       samsyn import listning FILE";

export const importHelp = `${importUsage}

Imports certificates from FILE into the configured database (DATABASE_URL, or the embedded
database in SAMSYN_DATA_DIR, default ./data; the server must not be running on it). FILE is a JSON
array of certificates in the sjukfall certificate format, or CSV (.csv) with one line per period
and the columns id;patient;unit;doctor;signed;diagnosis;from;to;grade;smittbararpenning;status;
replaces;completes — the same formats as "Importera intyg" in the web app.

Idempotent: a certificate is keyed by (unit, id); the same file again changes nothing, a changed
row updates its certificate. Patients are registered by personnummer when missing.

  --unit ID    import only the certificates of this unit (others are rejected)
  --chunk N    certificates per transaction (default 5000)

Progress goes to stderr. Prints the report on stdout: {"created", "updated", "unchanged",
"patientsCreated", "rejected": [{"row", "id", "reasons"}], "seconds"}. Exit 1 when the import
stopped halfway (what was committed stays; run the same command again to resume), exit 2 on bad
usage or a file that cannot be read.

${listningHelp}`;

const purpose = "Import av intyg (kommandoraden)";

function parseFile(file: string, text: string): ParsedImport {
  try {
    return file.toLowerCase().endsWith(".csv") ? parseCsvImport(text) : parseJsonImport(text);
  } catch (error) {
    if (error instanceof ImportFormatError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The accepted rows grouped by the unit they name; rows of unknown (or other) units are rejected. */
function byUnit(parsed: ParsedImport, existing: Set<string>, only: string | undefined) {
  const groups = new Map<string, ParsedImport["accepted"]>();
  for (const accepted of parsed.accepted) {
    const unitId = accepted.certificate.unit;
    if (!existing.has(unitId) || (only !== undefined && unitId !== only)) {
      const reason = existing.has(unitId)
        ? `intyget hör till enheten ${unitId}, inte till ${only}`
        : `enheten ${unitId} finns inte`;
      parsed.rejected.push({ row: accepted.row, id: accepted.certificate.id, reasons: [reason] });
      continue;
    }
    const group = groups.get(unitId) ?? [];
    group.push(accepted);
    groups.set(unitId, group);
  }
  parsed.rejected.sort((a, b) => a.row - b.row);
  return groups;
}

function add(total: ImportReport, part: ImportReport): void {
  total.created += part.created;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.patientsCreated += part.patientsCreated;
  total.rejected.push(...part.rejected);
}

export async function importCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { help: { type: "boolean", short: "h" }, unit: { type: "string" }, chunk: { type: "string" } },
    importUsage,
    true,
  );
  if (values.help) {
    await write(io.stdout, importHelp);
    return 0;
  }
  const [what, ...files] = positionals;
  if (what === "listning") {
    if (values.unit !== undefined || values.chunk !== undefined)
      throw new UsageError("--unit and --chunk are for certificates", importUsage);
    return importListning(files, io);
  }
  if (what !== "certificates") {
    throw new UsageError(
      what === undefined ? "missing what to import (certificates or listning)" : `cannot import "${what}"`,
      importUsage,
    );
  }
  if (files.length !== 1)
    throw new UsageError(files.length === 0 ? "no FILE given" : "give exactly one FILE", importUsage);
  const chunkSize = integerOption(values.chunk, "chunk", { min: 1, max: 100_000 }, importUsage) ?? 5_000;
  const file = files[0]!;
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = parseFile(file, text);
  await write(
    io.stderr,
    `samsyn import: ${parsed.accepted.length.toLocaleString("en")} certificates read, ${parsed.rejected.length} rows rejected (${seconds()} s)\n`,
  );
  const icd10 = loadIcd10();

  return withDatabase(io, {}, async (database) => {
    await database.migrate();
    const unitIds = [...new Set(parsed.accepted.map((a) => a.certificate.unit))];
    const existing = new Set(
      unitIds.length
        ? (await database.db.select({ id: unit.id }).from(unit).where(inArray(unit.id, unitIds))).map(
            (u) => u.id,
          )
        : [],
    );
    const groups = byUnit(parsed, existing, values.unit);
    const total = [...groups.values()].reduce((n, g) => n + g.length, 0);
    const report: ImportReport = {
      created: 0,
      updated: 0,
      unchanged: 0,
      patientsCreated: 0,
      rejected: [...parsed.rejected],
    };
    let done = 0;
    let lastReport = 0;
    for (const [unitId, accepted] of groups) {
      const before = done;
      try {
        const part = await importCertificates(
          database.db,
          {
            actor: null,
            grant: null,
            unitId,
            purpose,
            diagnosisTitle: (code) => icd10.lookup(code)?.title ?? null,
          },
          { accepted, rejected: [] },
          {
            chunkSize,
            onProgress: (progress) => {
              done = before + progress.done;
              if (seconds() - lastReport < 1 && done < total) return;
              lastReport = seconds();
              const share = Math.floor((done / total) * 100);
              io.stderr.write(
                `samsyn import: ${done.toLocaleString("en")} of ${total.toLocaleString("en")} certificates (${share} %), ${lastReport.toFixed(0)} s\n`,
              );
            },
          },
        );
        add(report, part);
      } catch (error) {
        if (!(error instanceof ImportInterruptedError)) throw error;
        add(report, error.report);
        await writeJson(io, { ...report, seconds: seconds(), interrupted: true });
        await write(
          io.stderr,
          `samsyn import: stopped after ${(before + error.progress.done).toLocaleString("en")} of ${total.toLocaleString("en")} certificates: ${(error.cause as Error)?.message ?? error.message}\n` +
            "What was written is committed; run the same command again to resume.\n",
        );
        return 1;
      }
    }
    report.rejected.sort((a, b) => a.row - b.row);
    await writeJson(io, { ...report, seconds: seconds() });
    return 0;
  });
}
