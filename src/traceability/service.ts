/**
 * Spårbarhet of the active unit: every ongoing case over 30 days with what it lacks and its team
 * status, filtered; the same rows for the CSV export.
 */
import { isLongerThan30Days } from "../cases/length.ts";
import { resolveSjukfallSettings } from "../cases/settings.ts";
import { aktualiseringDecisions } from "../coordination/rules.ts";
import type { Database, Queryable } from "../db/client.ts";
import type { ReferenceData } from "../reference/index.ts";
import { computeUnitList } from "../worklist/service.ts";
import { storedSettings } from "../worklist/store.ts";
import { caseFactsOf } from "./facts.ts";
import {
  firstFollowUp,
  gaps,
  missingOf,
  teamStatuses,
  teamStatusOf,
  type Gap,
  type TeamStatus,
} from "./rules.ts";
import type { TraceabilityList, TraceabilityRow } from "./schema.ts";

export interface TraceabilityFilter {
  gap?: Gap | undefined;
  teamStatus?: TeamStatus | undefined;
  all: boolean;
}

export async function traceabilityOf(
  q: Queryable,
  ctx: { unitId: string; today: string; reference: ReferenceData; database: Database },
  filter: TraceabilityFilter,
): Promise<TraceabilityList> {
  const stored = await storedSettings(q, ctx.unitId, null);
  // The unit's own parameters, never a user's: every reader sees the same cases.
  const { gap, afterEnd } = resolveSjukfallSettings(stored.unit, {});
  const list = await computeUnitList(q, { ...ctx, gap, afterEnd });
  const long = list.map((u) => u.row).filter((r) => r.status === "ONGOING" && isLongerThan30Days(r));
  const facts = await caseFactsOf(q, ctx.unitId, long, ctx.today);
  const rows: TraceabilityRow[] = long.map((r, i) => {
    const f = facts[i]!;
    const missing = missingOf(f, ctx.today);
    const teamStatus = teamStatusOf(f, ctx.today);
    return {
      patientId: r.patientId,
      name: r.name,
      personnummer: r.personnummer,
      start: r.start,
      end: r.end,
      days: r.days,
      doctorName: r.doctorName,
      decision: f.decision ? aktualiseringDecisions[f.decision] : null,
      teamStatus,
      teamStatusLabel: teamStatuses[teamStatus],
      missing,
      missingLabels: missing.map((g) => gaps[g]),
      nextFollowUp: firstFollowUp(f),
    };
  });
  const shown = rows
    .filter((r) => filter.all || r.missing.length > 0)
    .filter((r) => !filter.gap || r.missing.includes(filter.gap))
    .filter((r) => !filter.teamStatus || r.teamStatus === filter.teamStatus)
    .sort((a, b) => b.missing.length - a.missing.length || b.days - a.days);
  return {
    today: ctx.today,
    longCases: rows.length,
    withGaps: rows.filter((r) => r.missing.length > 0).length,
    rows: shown,
  };
}

/** The CSV export: the filter, then one line per case (semicolons, BOM, as the unit list's). */
export function traceabilityCsv(
  list: TraceabilityList,
  head: { unitName: string; filter: string },
  cell: (v: string | number | null) => string,
): string {
  const header = [
    "Personnummer",
    "Namn",
    "Start",
    "Längd (dagar)",
    "Läkare",
    "Beslut",
    "Teamstatus",
    "Saknas",
    "Nästa uppföljning",
  ];
  const lines = [
    ["Spårbarhet", head.unitName].map(cell).join(";"),
    ["Datum", list.today].map(cell).join(";"),
    ["Urval", head.filter].map(cell).join(";"),
    "",
    header.map(cell).join(";"),
    ...list.rows.map((r) =>
      [
        r.personnummer,
        r.name,
        r.start,
        r.days,
        r.doctorName,
        r.decision,
        r.teamStatusLabel,
        r.missingLabels.join(", "),
        r.nextFollowUp,
      ]
        .map(cell)
        .join(";"),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
