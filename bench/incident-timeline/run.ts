/**
 * How fast the incident timeline answers over a large audit log (GDPR art. 33: a breach report
 * within 72 hours must not wait for the log). Fills an embedded database (or DATABASE_URL) with
 * audit events of many users and patients on a few units, then times the timeline of one patient
 * and of one user over a year, through the same query the API runs.
 *
 *   node bench/incident-timeline/run.ts [--events 200000] [--runs 5]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../src/db/client.ts";
import { incidentTimeline } from "../../src/audit/timeline.ts";

const { values } = parseArgs({
  options: { events: { type: "string", default: "200000" }, runs: { type: "string", default: "5" } },
});
const events = Number(values.events);
const runs = Number(values.runs);
const url = process.env.DATABASE_URL;
const database = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dataDir: null });
await database.migrate();

const units = ["BENCH-A", "BENCH-B", "BENCH-C", "BENCH-D"];
const users = Array.from({ length: 200 }, () => randomUUID());
const patients = Array.from({ length: 20_000 }, () => randomUUID());
const started = performance.now();
const batch = 10_000;
for (let done = 0; done < events; done += batch) {
  const n = Math.min(batch, events - done);
  const rows = Array.from({ length: n }, (_, i) => {
    const k = done + i;
    return {
      u: users[k % users.length],
      p: patients[(k * 7919) % patients.length],
      unit: units[k % units.length],
      // Spread over two years.
      at: new Date(Date.UTC(2025, 0, 1) + ((k * 37) % (730 * 86_400)) * 1000).toISOString(),
    };
  });
  await database.db.execute(sql`
    INSERT INTO audit_event (at, user_id, unit_id, patient_id, action, purpose, chain)
    SELECT (e->>'at')::timestamptz, (e->>'u')::uuid, e->>'unit', (e->>'p')::uuid, 'READ', 'Vård och behandling', e->>'unit'
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS a(e)`);
}
const loadSeconds = (performance.now() - started) / 1000;

async function median(label: string, query: () => Promise<{ events: unknown[] }>) {
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    count = (await query()).events.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: ${count} events, median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms`);
}

console.log(`${database.kind}: ${events} audit events loaded in ${loadSeconds.toFixed(1)} s`);
const period = { from: "2025-01-01", to: "2025-12-31" };
await median("patient timeline, one year", () =>
  incidentTimeline(database.db, { unitId: units[0]!, subject: { patientId: patients[0]! }, ...period }),
);
await median("user timeline, one year", () =>
  incidentTimeline(database.db, { unitId: units[0]!, subject: { userId: users[0]! }, ...period }),
);
await database.close();
