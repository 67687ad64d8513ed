/**
 * The unit list's filter and sort over a large unit (issue #12: no freeze over 100 ms when sorting
 * or filtering 2,000+ rows). The browser never does this work: the server filters, sorts and pages
 * (`src/worklist/rules.ts` behind GET /api/sjukfall, on the cached unit list) and the browser draws
 * one page (100 rows by default, at most 500). This measures that server step over 2,500 rows for
 * the queries a coordinator makes, against a floor: copying the rows and sorting them by one
 * precomputed number.
 *
 *   node bench/unit-list-filter/run.ts [--rows 2500] [--runs 21]
 *
 * Prints, per query, the median in ms of `--runs` timed runs (after warm-up) and the ratio to the
 * floor's median. Deterministic data: the same rows every run.
 */
import { parseArgs } from "node:util";
import {
  coordinatorStatusIds,
  filterRows,
  sortRows,
  type SortColumn,
  type UnitListFilter,
  type UnitListRow,
} from "../../src/worklist/rules.ts";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "2500" }, runs: { type: "string", default: "21" } },
});
const rowCount = Number(values.rows);
const runs = Number(values.runs);

/** A small seeded generator (mulberry32): the same rows on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const given = ["Anna", "Bo", "Cecilia", "David", "Ebba", "Fredrik", "Greta", "Hassan", "Ida", "Johan"];
const family = ["Andersson", "Berg", "Claesson", "Dahl", "Ek", "Falk", "Holm", "Lind", "Nyberg", "Ström"];
const diagnoses = [
  ["F432", "Anpassningsstörningar"],
  ["F321", "Medelsvår depressiv episod"],
  ["F438A", "Utmattningssyndrom"],
  ["M545", "Lumbago"],
  ["M751", "Rotatorkuffsyndrom"],
  ["S525", "Fraktur på nedre delen av radius"],
] as const;
const doctors = Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, name: `${given[i % 10]} Läkare${i}` }));

function rows(count: number): UnitListRow[] {
  const next = random(20261202);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const days = 1 + Math.floor(next() ** 2 * 720);
    const [diagnosis, title] = pick(diagnoses);
    const doctor = pick(doctors);
    const score = Math.floor(next() * 7);
    const day = String(1 + (i % 28)).padStart(2, "0");
    return {
      patientId: `p${i}`,
      personnummer: `19${String(50 + (i % 50)).padStart(2, "0")}01${day}-${String(1000 + i).slice(-4)}`,
      name: `${pick(given)} ${pick(family)}`,
      protectedIdentity: false,
      sex: next() < 0.62 ? "F" : "M",
      age: 20 + Math.floor(next() * 45),
      status: next() < 0.95 ? "ONGOING" : "ENDED",
      start: "2026-01-01",
      end: `2027-01-${day}`,
      days,
      dayInCase: days,
      certificateCount: 1 + Math.floor(days / 30),
      anchorCertificateId: `c${i}`,
      currentGrade: pick([100, 75, 50, 25]),
      grades: [100],
      diagnosis,
      diagnosisTitle: title,
      diagnoses: [diagnosis],
      chapter: { id: diagnosis.startsWith("F") ? "F00-F99" : "M00-M99", title: "" },
      diagnosisGroup: null,
      sysselsattning: ["NUVARANDE_ARBETE"],
      doctorId: doctor.id,
      doctorName: doctor.name,
      openArenden: next() < 0.08 ? 1 : 0,
      fmbLimitDays: 90,
      fmbExceeded: days > 90,
      risk: { score, level: score >= 4 ? "HOG" : score >= 2 ? "FORHOJD" : "INGEN", flags: [] },
      teamStatus: null,
      coordinatorStatus: pick(coordinatorStatusIds),
      coordinatorStatusVersion: 0,
    } satisfies UnitListRow;
  });
}

const queries: { name: string; filter: UnitListFilter; sort: SortColumn; order: "asc" | "desc" }[] = [
  { name: "no filter, by length", filter: {}, sort: "days", order: "desc" },
  { name: "no filter, by name", filter: {}, sort: "name", order: "asc" },
  { name: "no filter, by doctor", filter: {}, sort: "doctor", order: "asc" },
  { name: "free text 'ek' (name, diagnosis, doctor)", filter: { q: "ek" }, sort: "days", order: "desc" },
  { name: "> 30 days + risk, by risk", filter: { over30: true, risk: true }, sort: "risk", order: "desc" },
  {
    name: "coordinator status + chapter, by status",
    filter: { coordinatorStatus: "EJ_KONTAKTAD", chapter: "F00-F99" },
    sort: "coordinatorStatus",
    order: "asc",
  },
];

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function measure(work: () => unknown): number {
  for (let i = 0; i < 3; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(work));
  return median(times);
}

const data = rows(rowCount);
const floor = measure(() => data.map((r) => r).sort((a, b) => b.days - a.days));
console.log(`unit-list-filter: ${rowCount} rows, median of ${runs} runs, Node ${process.version}`);
console.log(`floor (copy + sort by one number): ${floor.toFixed(2)} ms`);
for (const q of queries) {
  const ms = measure(() => sortRows(filterRows(data, q.filter), q.sort, q.order));
  console.log(`${q.name.padEnd(44)} ${ms.toFixed(2).padStart(7)} ms  ${(ms / floor).toFixed(1)}× floor`);
}
