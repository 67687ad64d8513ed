/**
 * The load generator of the unit-list benchmark, run in a worker thread so that the clients' work
 * (sending, reading and parsing answers) does not share the server's event loop.
 */
import { parentPort, workerData } from "node:worker_threads";

export interface LoadResult {
  requests: number;
  failures: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(input: {
  base: string;
  path: string;
  cookies: string[];
  ms: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + input.ms;
  await Promise.all(
    input.cookies.map(async (cookie) => {
      while (performance.now() < until) {
        const started = performance.now();
        const res = await fetch(`${input.base}${input.path}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    perSecond: latencies.length / (input.ms / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

if (parentPort) parentPort.postMessage(await run(workerData as Parameters<typeof run>[0]));
