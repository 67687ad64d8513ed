/**
 * Benchmark: all unit lists of a region from 1 M generated certificates, in one process.
 *
 *   PATH=node_modules/.bin:$PATH node bench/sjukfall/run.ts [--count N] [--runs N]
 *
 * Prints the median time of `--runs` runs (after two warm-up runs) of the engine computing every
 * unit's list, and of the floor — only reading and sorting the same data (floor.ts) — measured in
 * the same process, alternating, so both see the same machine state. Throughput is certificates
 * per second of the median run; the ratio is engine median / floor median.
 */
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { patientHistory, unitList } from "../../src/cases/engine.ts";
import { comparatorSort, readAndSort } from "./floor.ts";
import { asRead, generateRegion } from "./generate.ts";

const { values } = parseArgs({
  options: { count: { type: "string", default: "1000000" }, runs: { type: "string", default: "7" } },
});
const count = Number(values.count);
const runs = Math.max(5, Number(values.runs));

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// A full collection before every timed run, so that neither side pays for the other's garbage (a
// major GC of the 1 M certificates takes seconds and would land at random in either measurement).
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function timed(work: () => unknown): number {
  collectGarbage();
  const started = performance.now();
  work();
  return performance.now() - started;
}

const format = (n: number) => Math.round(n).toLocaleString("en-US");
const perSecond = (ms: number) => `${(count / (ms / 1000) / 1e6).toFixed(2)} M certificates/s`;
const list = (samples: number[]) => samples.map((ms) => ms.toFixed(0)).join(", ");

const generatedAt = performance.now();
const region = generateRegion(count);
const certs = asRead(region.certificates);
region.certificates = [];
const options = { today: region.today, gap: 5, afterEnd: 0 };
console.log(
  `sjukfall benchmark — ${format(certs.length)} certificates, ${region.units} units, ` +
    `${format(region.patients)} patients, today ${region.today}, gap 5, afterEnd 0 ` +
    `(generated in ${format(performance.now() - generatedAt)} ms); node ${process.version}, one core`,
);

const cases = unitList(certs, options);
const units = new Set(cases.map((c) => c.unit)).size;
console.log(`unit lists: ${format(cases.length)} cases on ${units} units`);

const engine: number[] = [];
const floor: number[] = [];
for (let run = -2; run < runs; run++) {
  const engineMs = timed(() => unitList(certs, options));
  const floorMs = timed(() => readAndSort(certs));
  if (run >= 0) {
    engine.push(engineMs);
    floor.push(floorMs);
  }
}
const engineMedian = median(engine);
const floorMedian = median(floor);
console.log(
  `engine, all unit lists: median ${engineMedian.toFixed(0)} ms  ${perSecond(engineMedian)}  (${list(engine)})`,
);
console.log(
  `floor, read + sort:     median ${floorMedian.toFixed(0)} ms  ${perSecond(floorMedian)}  (${list(floor)})`,
);
console.log(`ratio engine / floor: ${(engineMedian / floorMedian).toFixed(2)}×`);

// Context, not part of the target: the other engine entry point and a naive sort.
const history: number[] = [];
const naive: number[] = [];
for (let run = 0; run < 3; run++) {
  history.push(timed(() => patientHistory(certs, options)));
  naive.push(timed(() => comparatorSort(certs)));
}
console.log(
  `context — patient history of everyone: median ${median(history).toFixed(0)} ms  ${perSecond(median(history))}`,
);
console.log(
  `context — Array.sort with a comparator: median ${median(naive).toFixed(0)} ms  ${perSecond(median(naive))}`,
);
