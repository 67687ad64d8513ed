/**
 * Measures the typeahead on the full ICD-10-SE list: `node bench/icd10-search/measure.ts`.
 * Prints the median and 95th percentile time per query for typical queries (the target is < 1 ms
 * typical). Timing is measured here, never asserted in tests (machines differ).
 */
import { loadIcd10 } from "../../src/reference/icd10/load.ts";

const queries = [
  "f",
  "f4",
  "f43",
  "F43.8",
  "m545",
  "s47",
  "ut",
  "utm",
  "utmattning",
  "rygg",
  "ryggvärk",
  "lumbago",
  "depression",
  "dep",
  "stress",
  "sjukdom",
  "hjärt svikt",
  "fraktur handled",
  "knä",
  "M54 lumbago",
  "a",
  "in",
];

const started = performance.now();
const icd10 = loadIcd10();
console.log(`load and index: ${(performance.now() - started).toFixed(0)} ms for ${icd10.size} codes`);

// Warm up the JIT, then time each query many times.
for (let round = 0; round < 50; round++) for (const query of queries) icd10.search(query, 20);

const rounds = 200;
const perQuery: { query: string; median: number; p95: number; hits: number }[] = [];
for (const query of queries) {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now();
    icd10.search(query, 20);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  perQuery.push({
    query,
    median: times[Math.floor(rounds / 2)]!,
    p95: times[Math.floor(rounds * 0.95)]!,
    hits: icd10.search(query, 20).length,
  });
}

for (const row of perQuery) {
  console.log(
    `${JSON.stringify(row.query).padEnd(20)} median ${(row.median * 1000).toFixed(0).padStart(5)} µs` +
      `   p95 ${(row.p95 * 1000).toFixed(0).padStart(5)} µs   ${row.hits} results`,
  );
}
const medians = perQuery.map((row) => row.median).sort((a, b) => a - b);
console.log(`median over queries: ${(medians[Math.floor(medians.length / 2)]! * 1000).toFixed(0)} µs`);
