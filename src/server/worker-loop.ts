/**
 * The one loop every background worker runs on (outbox delivery, inbox polling, the task job, the
 * audit sealer): a round every interval, one round at a time, a longer wait after each failed
 * round in a row (back to the interval after a good one), and a stop that waits for the round
 * under way. A failed round is logged with the worker's name and a loggable error only (never
 * the error object: a failed query's parameters are patient data). What a round did is the
 * worker's to log (counts, never content).
 */
import type { Logger } from "./logger.ts";
import { loggableError } from "./loggable-error.ts";

export interface WorkerLoop {
  /**
   * Runs a round now, or right after the one under way (which may have begun before the call:
   * requests meanwhile are gathered into that one round); resolves when it ends (at once when
   * stopped).
   */
  runNow(): Promise<void>;
  /** No more rounds: waits for the one under way (and runs the final round, if asked for). */
  stop(): Promise<void>;
}

export interface WorkerLoopOptions {
  /** Names the worker in the log. */
  name: string;
  /**
   * One round, started by the interval or by `runNow`; a thrown error is logged and backs the
   * next round off.
   */
  run: (trigger: "interval" | "request") => Promise<void>;
  logger: Logger;
  intervalMs: number;
  /** Wait before the first round (0: at once); default one interval. */
  firstDelayMs?: number;
  /** The longest wait after failures; default the interval or ten minutes, whichever is longer. */
  maxDelayMs?: number;
  /** `stop()` runs one more round after the one under way (the sealer seals what is left). */
  finalRound?: boolean;
}

/** The wait before the next round: the interval, doubled for each failed round in a row, capped. */
export function nextDelay(intervalMs: number, failures: number, maxDelayMs: number): number {
  if (failures === 0) return intervalMs;
  return Math.min(intervalMs * 2 ** Math.min(failures, 30), Math.max(intervalMs, maxDelayMs));
}

export function startWorkerLoop(options: WorkerLoopOptions): WorkerLoop {
  const { name, run, logger, intervalMs } = options;
  const maxDelayMs = options.maxDelayMs ?? Math.max(intervalMs, 10 * 60_000);
  let running: Promise<void> | null = null;
  /** The round requested while another ran: it starts when that one ends. */
  let requested: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let failures = 0;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const schedule = (delayMs: number) => {
    clear();
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void round("interval");
    }, delayMs);
    timer.unref();
  };

  const round = (trigger: "interval" | "request"): Promise<void> => {
    if (running) return running;
    running = Promise.resolve()
      .then(() => run(trigger))
      .then(
        () => {
          failures = 0;
        },
        (error: unknown) => {
          failures++;
          logger.error({ err: loggableError(error), worker: name, failures }, `${name} failed`);
        },
      )
      .finally(() => {
        running = null;
        schedule(nextDelay(intervalMs, failures, maxDelayMs));
      });
    return running;
  };

  schedule(options.firstDelayMs ?? intervalMs);
  return {
    runNow() {
      if (stopped) return Promise.resolve();
      if (!running) return round("request");
      requested ??= running.then(() => {
        requested = null;
        return stopped ? undefined : round("request");
      });
      return requested;
    },
    async stop() {
      stopped = true;
      clear();
      await running;
      await requested;
      if (options.finalRound) await round("request");
    },
  };
}
