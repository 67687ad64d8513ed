/**
 * The record of processing and the impact assessment follow the data model: every table of the
 * schema is in the record, every column of a patient-data table is listed there, and the impact
 * assessment names every patient-data table. A schema change without the documents fails here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "./schema.ts";

const docs = path.resolve(import.meta.dirname, "../../docs");
const record = readFileSync(path.join(docs, "record-of-processing.md"), "utf8");
const dpia = readFileSync(path.join(docs, "dpia.md"), "utf8");

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => value instanceof PgTable)
  .map((table) => getTableConfig(table))
  .map((config) => ({ name: config.name, columns: config.columns.map((c) => c.name) }));

/** The text of a `## heading` section, up to the next heading of the same level. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs: section "${heading}" is missing`);
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** Rows of the record's table list: name → whether it holds patient data. */
function documentedTables(): Map<string, boolean> {
  const rows = new Map<string, boolean>();
  for (const line of section(record, "Tables").split("\n")) {
    const match = /^\|\s*`([a-z_]+)`\s*\|\s*(yes|no)\s*\|/.exec(line);
    if (match) rows.set(match[1]!, match[2] === "yes");
  }
  return rows;
}

/** Each `### \`table\`` of the column list with the backticked names in its bullet lines. */
function documentedColumns(): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const part of section(record, "Patient-data columns").split("\n### ").slice(1)) {
    const [heading = "", ...lines] = part.split("\n");
    const table = /^`([a-z_]+)`/.exec(heading)?.[1];
    if (!table) continue;
    const columns = new Set<string>();
    for (const line of lines.filter((l) => l.startsWith("- "))) {
      const names = line.split(" — ")[0]!;
      for (const m of names.matchAll(/`([a-z_]+)`/g)) columns.add(m[1]!);
    }
    result.set(table, columns);
  }
  return result;
}

describe("data protection documents", () => {
  const listed = documentedTables();
  const columns = documentedColumns();

  it("lists every table of the schema in the record of processing, and no other", () => {
    expect([...listed.keys()].sort()).toEqual(tables.map((t) => t.name).sort());
  });

  it("marks every table with a patient id as patient data", () => {
    const unmarked = tables
      .filter((t) => t.columns.includes("patient_id") || t.name === "patient")
      .filter((t) => listed.get(t.name) !== true)
      .map((t) => t.name);
    expect(unmarked).toEqual([]);
  });

  it("lists exactly the columns of every patient-data table", () => {
    const patientTables = tables.filter((t) => listed.get(t.name) === true);
    expect([...columns.keys()].sort()).toEqual(patientTables.map((t) => t.name).sort());
    for (const table of patientTables)
      expect([...(columns.get(table.name) ?? [])].sort(), table.name).toEqual([...table.columns].sort());
  });

  it("names every patient-data table in the impact assessment", () => {
    const section4 = section(dpia, "4. Tables holding patient data");
    const named = new Set([...section4.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!));
    const patientTables = [...listed].filter(([, yes]) => yes).map(([name]) => name);
    expect(patientTables.filter((name) => !named.has(name))).toEqual([]);
    expect([...named].filter((name) => listed.get(name) !== true)).toEqual([]);
  });
});
