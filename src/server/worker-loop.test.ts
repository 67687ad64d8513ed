import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import pino from "pino";
import { nextDelay, startWorkerLoop } from "./worker-loop.ts";

function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** The fake timers' time (ms). */
const fakeNow = () => vi.getMockedSystemTime()!.getTime();

describe("nextDelay", () => {
  it("waits the interval after a good round and doubles per failure in a row, up to the cap", () => {
    expect(nextDelay(5_000, 0, 60_000)).toBe(5_000);
    expect(nextDelay(5_000, 1, 60_000)).toBe(10_000);
    expect(nextDelay(5_000, 3, 60_000)).toBe(40_000);
    expect(nextDelay(5_000, 4, 60_000)).toBe(60_000);
    expect(nextDelay(5_000, 1_000, 60_000)).toBe(60_000);
    // A cap below the interval never shortens the interval.
    expect(nextDelay(60_000, 2, 1_000)).toBe(60_000);
  });
});

describe("startWorkerLoop", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("runs a round every interval after the first delay, one at a time, and one more on request", async () => {
    const { logger } = memoryLogger();
    let release: () => void = () => {};
    let rounds = 0;
    const triggers: string[] = [];
    const loop = startWorkerLoop({
      name: "test worker",
      logger,
      intervalMs: 1_000,
      firstDelayMs: 100,
      run: (trigger) => {
        triggers.push(trigger);
        rounds++;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(rounds).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(1);
    // While a round runs, the clock starts no other; requests meanwhile are gathered into one
    // round right after it.
    await vi.advanceTimersByTimeAsync(5_000);
    const first = loop.runNow();
    const second = loop.runNow();
    expect(rounds).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toBe(2);
    release();
    await Promise.all([first, second]);
    expect(rounds).toBe(2);
    // Then the interval again, from the end of the last round.
    await vi.advanceTimersByTimeAsync(999);
    expect(rounds).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(3);
    release();
    await loop.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rounds).toBe(3);
    await loop.runNow();
    expect(rounds).toBe(3);
    expect(triggers).toEqual(["interval", "request", "interval"]);
  });

  it("backs off after failed rounds, logs the worker and the error's name only, and recovers", async () => {
    const { logger, lines } = memoryLogger();
    const at: number[] = [];
    let fail = true;
    const loop = startWorkerLoop({
      name: "test worker",
      logger,
      intervalMs: 1_000,
      maxDelayMs: 3_000,
      run: async () => {
        at.push(fakeNow());
        if (fail) throw new Error("Failed query: select … params: 19121212-1212");
      },
    });
    const start = fakeNow();
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 3_000 + 3_000);
    expect(at.map((t) => t - start)).toEqual([1_000, 3_000, 6_000, 9_000]);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      level: 50,
      worker: "test worker",
      failures: 1,
      msg: "test worker failed",
    });
    expect(JSON.stringify(lines)).not.toContain("19121212");
    fail = false;
    await vi.advanceTimersByTimeAsync(3_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(at.map((t) => t - start).slice(4)).toEqual([12_000, 13_000]);
    await loop.stop();
  });

  it("runs one final round at stop when asked, after the round under way", async () => {
    const { logger } = memoryLogger();
    const events: string[] = [];
    let release: () => void = () => {};
    const loop = startWorkerLoop({
      name: "test worker",
      logger,
      intervalMs: 1_000,
      firstDelayMs: 0,
      finalRound: true,
      run: () => {
        events.push("start");
        return new Promise<void>((resolve) => {
          release = () => {
            events.push("end");
            resolve();
          };
        });
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    const stopped = loop.stop();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await stopped;
    expect(events).toEqual(["start", "end", "start", "end"]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(events).toHaveLength(4);
  });
});
