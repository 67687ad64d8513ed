/**
 * A general brake per session on the API (PRODUCT §8: rate limits): a token bucket of
 * SAMSYN_API_RATE_LIMIT requests per minute, refilled continuously, so a burst of a minute's worth
 * passes and a runaway script or a stolen session is slowed to the limit. Kept in memory per
 * process: it is a brake, not an account (several processes each allow the limit).
 *
 * Time here is the monotonic clock, not the business clock: SAMSYN_NOW and fixed test clocks move
 * or freeze "now", and neither may stop the bucket from refilling.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./errors.ts";

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets idle this long are full again: they can be forgotten. */
const idleMs = 60_000;

export function createApiRateLimit(monotonicMs: () => number = () => performance.now()) {
  const buckets = new Map<string, Bucket>();
  let lastSweep = monotonicMs();

  function sweep(now: number) {
    if (now - lastSweep < idleMs) return;
    lastSweep = now;
    for (const [key, bucket] of buckets) if (now - bucket.at > idleMs) buckets.delete(key);
  }

  return createMiddleware<AppEnv>(async (c, next) => {
    const perMinute = c.var.deps.config.apiRateLimitPerMinute;
    const actor = c.var.actor;
    if (perMinute === 0 || !actor) return next();
    const now = monotonicMs();
    sweep(now);
    const previous = buckets.get(actor.sessionId) ?? { tokens: perMinute, at: now };
    const tokens = Math.min(perMinute, previous.tokens + ((now - previous.at) * perMinute) / 60_000);
    if (tokens < 1) {
      buckets.set(actor.sessionId, { tokens, at: now });
      const retryAfterSeconds = Math.max(1, Math.ceil(((1 - tokens) * 60) / perMinute));
      c.header("Retry-After", String(retryAfterSeconds));
      throw new ApiError(
        429,
        "RATE_LIMITED",
        "För många anrop på kort tid. Vänta en stund och försök igen.",
        { extra: { retryAfterSeconds } },
      );
    }
    buckets.set(actor.sessionId, { tokens: tokens - 1, at: now });
    return next();
  });
}
