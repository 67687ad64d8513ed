/**
 * The listed population in the database: the import (a month of a unit replaced as a whole, in one
 * transaction for the whole file, with an audit event per month that changed) and the read side
 * the statistics use (figures per month by the missing-month rule of ./rules.ts).
 */
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Actor, ActorAssignment } from "../access/actor.ts";
import { recordAudit, type AuditEntry } from "../audit/audit.ts";
import { rowsOf, type Db, type Queryable, type Tx } from "../db/client.ts";
import { listedPopulation, unit } from "../db/schema.ts";
import type { PopulationRow } from "./format.ts";
import {
  addCells,
  emptyFigures,
  resolveMonths,
  sameCells,
  type AgeBand,
  type PopulationCell,
  type PopulationFigures,
} from "./rules.ts";

export interface ResolvedPopulationRow extends PopulationRow {
  unitId: string;
}

export interface PopulationImportScope {
  actor: Actor | null;
  grant: ActorAssignment | null;
  /** Why, for the audit events. */
  purpose: string;
}

export type MonthOutcome = "CREATED" | "REPLACED" | "UNCHANGED";

export interface PopulationImportReport {
  created: number;
  replaced: number;
  unchanged: number;
  months: {
    unitId: string;
    month: string;
    outcome: MonthOutcome;
    women: number;
    men: number;
    total: number;
  }[];
}

/** The units the file names (by id or HSA-id): name → unit id; unknown names are absent. */
export async function unitsByName(q: Queryable, names: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names)];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({ id: unit.id, hsaId: unit.hsaId })
    .from(unit)
    .where(or(inArray(unit.id, wanted), inArray(unit.hsaId, wanted)));
  const byName = new Map<string, string>();
  for (const r of rows) {
    if (r.hsaId && wanted.includes(r.hsaId)) byName.set(r.hsaId, r.id);
  }
  // A unit's own id wins over another unit's HSA-id that happens to read the same.
  for (const r of rows) if (wanted.includes(r.id)) byName.set(r.id, r.id);
  return byName;
}

function groupByUnitMonth(rows: readonly ResolvedPopulationRow[]) {
  const groups = new Map<string, { unitId: string; month: string; cells: PopulationCell[] }>();
  for (const r of rows) {
    const key = `${r.unitId}\u0000${r.month}`;
    const group = groups.get(key) ?? { unitId: r.unitId, month: r.month, cells: [] };
    group.cells.push({ sex: r.sex, ageBand: r.ageBand, count: r.count });
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.unitId === b.unitId ? a.month.localeCompare(b.month) : a.unitId.localeCompare(b.unitId),
  );
}

async function storedCells(tx: Tx, unitId: string, months: string[]) {
  const rows = await tx
    .select({
      month: listedPopulation.month,
      sex: listedPopulation.sex,
      ageBand: listedPopulation.ageBand,
      count: listedPopulation.count,
    })
    .from(listedPopulation)
    .where(and(eq(listedPopulation.unitId, unitId), inArray(listedPopulation.month, months)));
  const byMonth = new Map<string, PopulationCell[]>();
  for (const r of rows) {
    const cells = byMonth.get(r.month) ?? [];
    cells.push({ sex: r.sex, ageBand: r.ageBand as AgeBand, count: r.count });
    byMonth.set(r.month, cells);
  }
  return byMonth;
}

/**
 * Imports the rows: each (unit, month) of the file replaces what the unit had for that month, all
 * in one transaction (the whole file or nothing). Unchanged months are left as they are.
 */
export async function importListedPopulation(
  db: Db,
  scope: PopulationImportScope,
  rows: readonly ResolvedPopulationRow[],
): Promise<PopulationImportReport> {
  const groups = groupByUnitMonth(rows);
  const report: PopulationImportReport = { created: 0, replaced: 0, unchanged: 0, months: [] };
  await db.transaction(async (tx) => {
    for (const unitId of [...new Set(groups.map((g) => g.unitId))]) {
      // Two imports for one unit at once write one after the other (on PostgreSQL).
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`samsyn.listning:${unitId}`}))`);
      const ofUnit = groups.filter((g) => g.unitId === unitId);
      const stored = await storedCells(
        tx,
        unitId,
        ofUnit.map((g) => g.month),
      );
      const audit: AuditEntry[] = [];
      for (const group of ofUnit) {
        const before = stored.get(group.month);
        const outcome: MonthOutcome = !before
          ? "CREATED"
          : sameCells(before, group.cells)
            ? "UNCHANGED"
            : "REPLACED";
        const figures = addCells(emptyFigures(), group.cells);
        report.months.push({
          unitId,
          month: group.month,
          outcome,
          women: figures.women,
          men: figures.men,
          total: figures.total,
        });
        if (outcome === "UNCHANGED") {
          report.unchanged++;
          continue;
        }
        report[outcome === "CREATED" ? "created" : "replaced"]++;
        await replaceMonth(tx, unitId, group.month, group.cells);
        audit.push({
          action: outcome === "CREATED" ? "CREATE" : "UPDATE",
          purpose: scope.purpose,
          entity: "listed_population",
          entityId: `${unitId}/${group.month}`,
          details: { month: group.month, cells: group.cells.length, total: figures.total },
        });
      }
      await recordAudit(tx, { actor: scope.actor, grant: scope.grant, unitId }, audit);
    }
  });
  return report;
}

async function replaceMonth(tx: Tx, unitId: string, month: string, cells: PopulationCell[]) {
  await tx
    .delete(listedPopulation)
    .where(and(eq(listedPopulation.unitId, unitId), eq(listedPopulation.month, month)));
  await tx
    .insert(listedPopulation)
    .values(cells.map((c) => ({ unitId, month, sex: c.sex, ageBand: c.ageBand, count: c.count })));
}

export interface ListedPopulationMonth extends PopulationFigures {
  month: string;
  /**
   * Units whose figures for this month come from an earlier imported month (the missing-month
   * rule), with the month used.
   */
  carriedForward: { unitId: string; sourceMonth: string }[];
  /** Units with no import in or before this month: not in the figures. */
  missingUnits: string[];
}

export interface ListedPopulationQuery {
  /** One unit, or null for every unit of the installation. */
  unitId: string | null;
  /** YYYY-MM, both included. */
  from: string;
  to: string;
}

/**
 * The listed population per month of the range, women / men / total and by age band, for a unit
 * or summed over every unit. A month a unit has no import for uses the unit's latest earlier
 * import (listed in `carriedForward`); a unit without any import by then is in `missingUnits`.
 */
export async function listedPopulationByMonth(
  q: Queryable,
  query: ListedPopulationQuery,
): Promise<ListedPopulationMonth[]> {
  const unitIds = query.unitId
    ? [query.unitId]
    : (await q.select({ id: unit.id }).from(unit).orderBy(asc(unit.id))).map((u) => u.id);
  const imported = await importedCells(q, query);
  const months = new Map<string, ListedPopulationMonth>();
  for (const unitId of unitIds) {
    for (const resolved of resolveMonths(imported.get(unitId) ?? new Map(), query.from, query.to)) {
      let month = months.get(resolved.month);
      if (!month) {
        month = { month: resolved.month, ...emptyFigures(), carriedForward: [], missingUnits: [] };
        months.set(resolved.month, month);
      }
      if (resolved.sourceMonth === null) month.missingUnits.push(unitId);
      else if (resolved.sourceMonth !== resolved.month)
        month.carriedForward.push({ unitId, sourceMonth: resolved.sourceMonth });
      addCells(month, resolved.cells);
    }
  }
  return [...months.values()];
}

/**
 * The imported cells the range needs, per unit and month: the months in the range and, per unit,
 * the latest imported month at or before its start.
 */
async function importedCells(q: Queryable, query: ListedPopulationQuery) {
  const rows = rowsOf<{ unit_id: string; month: string; sex: "F" | "M"; age_band: AgeBand; count: number }>(
    await q.execute(sql`
      SELECT lp.unit_id, lp.month, lp.sex, lp.age_band, lp.count
      FROM listed_population lp
      WHERE lp.month <= ${query.to}
        AND (${query.unitId}::text IS NULL OR lp.unit_id = ${query.unitId})
        AND lp.month >= coalesce(
          (SELECT max(p.month) FROM listed_population p WHERE p.unit_id = lp.unit_id AND p.month <= ${query.from}),
          ${query.from})
      ORDER BY lp.unit_id, lp.month`),
  );
  const byUnit = new Map<string, Map<string, PopulationCell[]>>();
  for (const r of rows) {
    const months = byUnit.get(r.unit_id) ?? new Map<string, PopulationCell[]>();
    const cells = months.get(r.month) ?? [];
    cells.push({ sex: r.sex, ageBand: r.age_band, count: Number(r.count) });
    months.set(r.month, cells);
    byUnit.set(r.unit_id, months);
  }
  return byUnit;
}
