/**
 * The one clock. Rules, jobs, the demo generator, the CLI and the tests ask it for "now" and
 * "today"; nothing else reads the wall clock for a business decision.
 *
 * `SAMSYN_NOW` (an ISO date `2027-12-31` or an instant `2027-03-28T01:30:00+01:00`) moves the clock:
 * time then runs on from that instant, so timeouts and ordering still behave. The test runner uses
 * it to prove that the suite passes on any date; the server refuses it in production mode.
 */
import { stockholmToday } from "./today.ts";

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's calendar date in Europe/Stockholm (ÅÅÅÅ-MM-DD). */
  today(): string;
}

export class ClockError extends Error {}

const isoDateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `SAMSYN_NOW`: a date alone means noon in Stockholm that day (no DST edge by accident). */
export function parseClockStart(value: string): Date {
  const text = value.trim();
  const instant = isoDateOnly.test(text) ? new Date(`${text}T12:00:00+01:00`) : new Date(text);
  if (Number.isNaN(instant.getTime())) {
    throw new ClockError(`SAMSYN_NOW must be an ISO date or instant, got "${value}"`);
  }
  if (isoDateOnly.test(text) && stockholmToday(instant) !== text) {
    throw new ClockError(`SAMSYN_NOW is not a calendar date: "${value}"`);
  }
  return instant;
}

/** A clock that runs from `start`, at the speed of the real one. */
export function shiftedClock(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  const now = () => new Date(realNow() + offset);
  return { now, today: () => stockholmToday(now()) };
}

/** A clock that never moves (rule tests). */
export function fixedClock(instant: Date | string): Clock {
  const at = typeof instant === "string" ? parseClockStart(instant) : instant;
  return { now: () => new Date(at.getTime()), today: () => stockholmToday(at) };
}

const wallClock: Clock = { now: () => new Date(), today: () => stockholmToday(new Date()) };

/** The process's clock: the wall clock, or the one `SAMSYN_NOW` moved. */
export function systemClock(env: Record<string, string | undefined> = process.env): Clock {
  const start = env.SAMSYN_NOW;
  return start ? shiftedClock(parseClockStart(start)) : wallClock;
}

let processClock: Clock | undefined;

/** The process-wide clock, created once (so a shifted clock has one offset for the whole run). */
export function clock(): Clock {
  processClock ??= systemClock();
  return processClock;
}
