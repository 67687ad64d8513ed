/**
 * Benchmark: all statistics figures (`figures.ts`) for a region of 1 M generated certificates with
 * their ärenden, and for one unit of it; the sjukfall engine's own pass (`unitList` of every unit)
 * over the same certificates is the yardstick.
 *
 *   PATH=node_modules/.bin:$PATH taskset -c 0 node bench/statistics/run.ts [--count N] [--runs N] [--cold N]
 *
 * Cold: the first computation in a fresh process (the data generated, nothing computed yet) — each of
 * `--cold` child processes measures one of region, unit and engine. Warm: after two warm-up rounds,
 * `--runs` rounds alternating region, unit and engine in this process, a full GC before each. Reported:
 * medians, and each median's ratio to the engine's median of the same kind.
 */
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { unitList } from "../../src/cases/engine.ts";
import { loadIcd10 } from "../../src/reference/icd10/load.ts";
import { generateStatisticsRegion } from "./data.ts";
import { allFigures, type FigureInput } from "./figures.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000000" },
    runs: { type: "string", default: "7" },
    cold: { type: "string", default: "3" },
    unit: { type: "string", default: "HC-01" },
    "cold-only": { type: "string" },
  },
});
const count = Number(values.count);
const runs = Math.max(3, Number(values.runs));
const colds = Math.max(1, Number(values.cold));
const unit = values.unit;
const KINDS = ["region", "unit", "engine", "kept", "kept+1"] as const;
type Kind = (typeof KINDS)[number];

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function timed(work: () => unknown): number {
  collectGarbage();
  const started = performance.now();
  work();
  return performance.now() - started;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const generatedAt = performance.now();
const region = generateStatisticsRegion(count);
const generatedMs = performance.now() - generatedAt;
const input: FigureInput = { ...region, icd10: loadIcd10() };
// What the server keeps per unit (src/statistics/snapshot.ts): each unit's figures, as JSON in the
// database, computed from the unit's own certificates and ärenden as the server reads them.
// Computed once here (untimed, also in a cold child, as a database holds them before a request).
let perUnit: Map<string, FigureInput> | null = null;
const unitInputs = (): Map<string, FigureInput> => {
  if (perUnit) return perUnit;
  perUnit = new Map();
  for (const cert of region.certificates) {
    let own = perUnit.get(cert.unit);
    if (!own) perUnit.set(cert.unit, (own = { ...input, certificates: [], arenden: [] }));
    own.certificates.push(cert);
  }
  const unitOf = new Map(region.certificates.map((c) => [c.id, c.unit]));
  for (const arende of region.arenden) perUnit.get(unitOf.get(arende.certificate)!)?.arenden.push(arende);
  return perUnit;
};
let kept: Map<string, string> | null = null;
const keptOnce = () =>
  (kept ??= new Map([...unitInputs()].map(([id, own]) => [id, JSON.stringify(allFigures(own, id))])));
// The region's answer from kept figures: every unit's row read back; "+1": one unit (the given,
// largest one) changed since and is computed again from its own data first.
const readKept = (changed?: string) =>
  [...keptOnce()].map(([id, row]) =>
    id === changed ? allFigures(unitInputs().get(id)!, id) : (JSON.parse(row) as unknown),
  );
const work: Record<Kind, () => unknown> = {
  region: () => allFigures(input, undefined),
  unit: () => allFigures(input, unit),
  engine: () => unitList(region.certificates, { today: region.today, gap: 5, afterEnd: 0 }),
  kept: () => readKept(),
  "kept+1": () => readKept(unit),
};

const coldOnly = values["cold-only"] as Kind | undefined;
if (coldOnly !== undefined) {
  // Child: one cold measurement, as JSON on stdout (the kept rows exist before it, as in a database).
  if (coldOnly.startsWith("kept")) keptOnce();
  console.log(JSON.stringify({ kind: coldOnly, ms: timed(work[coldOnly]) }));
  process.exit(0);
}

const format = (n: number) => Math.round(n).toLocaleString("en-US");
const list = (samples: number[]) => samples.map((ms) => ms.toFixed(0)).join(", ");
const figures = allFigures(input, undefined);
const unitFigures = allFigures(input, unit);
console.log(
  `statistics benchmark — ${format(count)} certificates, ${format(region.arenden.length)} ärenden ` +
    `(${format(region.arenden.filter((a) => a.type === "KOMPLT").length)} KOMPLT), ${region.units} units, ` +
    `${format(region.patients)} patients, today ${region.today} (generated in ${format(generatedMs)} ms); ` +
    `node ${process.version}`,
);
console.log(
  `region: ${format(figures.contract.ongoing.total ?? 0)} ongoing, ` +
    `${format(figures.contract.kompletteringar.sent.total ?? 0)} sent in the range; ` +
    `unit ${unit}: ${format(unitFigures.contract.ongoing.total ?? 0)} ongoing, ` +
    `${format(unitFigures.contract.kompletteringar.sent.total ?? 0)} sent`,
);

// Cold: each measurement in its own fresh process (same flags, same CPU affinity).
const cold: Record<Kind, number[]> = { region: [], unit: [], engine: [], kept: [], "kept+1": [] };
for (let round = 0; round < colds; round++) {
  for (const kind of KINDS) {
    const args = [...process.execArgv, process.argv[1]!, "--count", String(count), "--unit", unit!];
    const out = execFileSync(process.execPath, [...args, "--cold-only", kind], { encoding: "utf8" });
    cold[kind].push((JSON.parse(out.trim().split("\n").at(-1)!) as { ms: number }).ms);
  }
}

const warm: Record<Kind, number[]> = { region: [], unit: [], engine: [], kept: [], "kept+1": [] };
keptOnce();
for (let round = -2; round < runs; round++) {
  for (const kind of KINDS) {
    const ms = timed(work[kind]);
    if (round >= 0) warm[kind].push(ms);
  }
}

for (const [label, samples] of [
  ["cold", cold],
  ["warm", warm],
] as const) {
  const engine = median(samples.engine);
  for (const kind of KINDS) {
    const m = median(samples[kind]);
    const names: Record<Kind, string> = {
      region: "all figures, region",
      unit: `all figures, ${unit}`,
      engine: "engine unitList",
      kept: "region from kept units",
      "kept+1": `kept, ${unit} changed`,
    };
    const name = names[kind];
    const ratio = kind === "engine" ? "" : `  ${(m / engine).toFixed(2)}× engine`;
    console.log(
      `${label} ${name.padEnd(24)} median ${m.toFixed(0).padStart(5)} ms${ratio}  (${list(samples[kind])})`,
    );
  }
}
console.log(
  `target: region under 500 ms cold — computed: ${median(cold.region) < 500 ? "met" : "not met"}; ` +
    `from kept unit figures: ${median(cold.kept) < 500 ? "met" : "not met"}`,
);
