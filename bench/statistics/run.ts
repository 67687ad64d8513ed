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
const KINDS = ["region", "unit", "engine"] as const;
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
const work: Record<Kind, () => unknown> = {
  region: () => allFigures(input, undefined),
  unit: () => allFigures(input, unit),
  engine: () => unitList(region.certificates, { today: region.today, gap: 5, afterEnd: 0 }),
};

const coldOnly = values["cold-only"] as Kind | undefined;
if (coldOnly !== undefined) {
  // Child: one cold measurement, as JSON on stdout.
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
const cold: Record<Kind, number[]> = { region: [], unit: [], engine: [] };
for (let round = 0; round < colds; round++) {
  for (const kind of KINDS) {
    const args = [...process.execArgv, process.argv[1]!, "--count", String(count), "--unit", unit!];
    const out = execFileSync(process.execPath, [...args, "--cold-only", kind], { encoding: "utf8" });
    cold[kind].push((JSON.parse(out.trim().split("\n").at(-1)!) as { ms: number }).ms);
  }
}

const warm: Record<Kind, number[]> = { region: [], unit: [], engine: [] };
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
    const name =
      kind === "region"
        ? "all figures, region"
        : kind === "unit"
          ? `all figures, ${unit}`
          : "engine unitList";
    const ratio = kind === "engine" ? "" : `  ${(m / engine).toFixed(2)}× engine`;
    console.log(
      `${label} ${name.padEnd(24)} median ${m.toFixed(0).padStart(5)} ms${ratio}  (${list(samples[kind])})`,
    );
  }
}
console.log(`target: region under 500 ms cold — ${median(cold.region) < 500 ? "met" : "not met"}`);
