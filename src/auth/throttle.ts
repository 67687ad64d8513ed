/**
 * Brakes on password guessing, kept in the database so every server process shares them:
 *
 * - Per source address: failed logins per 15-minute window (login_throttle); over the limit the
 *   address gets 429 until the window ends. The limit is generous because a health centre's staff
 *   often share one public address.
 * - Per account: app_user.failed_logins counts failures since the last success or lock; the 5th
 *   locks the account for 15 minutes (423).
 *
 * Both are reserved BEFORE the password is checked (an atomic increment), so a burst of parallel
 * guesses cannot all slip past a check made before any of them was counted. A success gives the
 * reservation back.
 *
 * A username that does not exist gets the same state machine, kept in login_throttle under the
 * name's hash, so 401/423 answers never tell whether an account exists. (Its counter is kept per
 * 30-day window where an account's never expires: the difference shows only to someone who
 * straddles a window boundary, and even then tells no more than that.)
 */
import { createHash } from "node:crypto";
import { and, eq, gt, isNull, like, lte, or, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { Queryable } from "../db/client.ts";
import { appUser, loginThrottle } from "../db/schema.ts";
import type { AppEnv } from "../server/env.ts";
import { rawClientAddress } from "./client-address.ts";

export const addressLimit = { maxFailures: 50, windowMinutes: 15 } as const;
export const accountLimit = { maxFailures: 5, lockMinutes: 15 } as const;

const minute = 60_000;
const nameWindowMinutes = 30 * 24 * 60;

/**
 * The client's address (through configured trusted proxies only, see client-address.ts), IPv6 by
 * its /64. Without a socket (app.request in tests), all such requests share the "unknown" budget.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const address = rawClientAddress(c, c.var.deps.config.trustedProxies);
  return address === "unknown" ? address : normalizeAddress(address);
}

/** IPv4-mapped IPv6 as plain IPv4; other IPv6 addresses by their /64 (one host usually has all of it). */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(":")) return address;
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("%")[0]!.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array(Math.max(0, 8 - left.length - right.length)).fill("0");
  return [...left, ...middle, ...right].map((part) => part.replace(/^0+(?=.)/, ""));
}

function windowStart(now: Date, minutes: number): Date {
  const size = minutes * minute;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/** Adds one attempt to the key's current window and answers the window's total. */
async function countAttempt(q: Queryable, key: string, start: Date): Promise<number> {
  const [row] = await q
    .insert(loginThrottle)
    .values({ key, windowStart: start.toISOString(), attempts: 1 })
    .onConflictDoUpdate({
      target: [loginThrottle.key, loginThrottle.windowStart],
      set: { attempts: sql`${loginThrottle.attempts} + 1` },
    })
    .returning({ attempts: loginThrottle.attempts });
  return row!.attempts;
}

export type AddressReservation =
  { allowed: true; release(): Promise<void> } | { allowed: false; retryAfterSeconds: number };

/** Counts this attempt against the address; a successful login releases it again. */
export async function reserveAddressAttempt(
  q: Queryable,
  address: string,
  now: Date,
): Promise<AddressReservation> {
  const key = `addr:${address}`;
  const start = windowStart(now, addressLimit.windowMinutes);
  const attempts = await countAttempt(q, key, start);
  if (attempts > addressLimit.maxFailures) {
    const end = start.getTime() + addressLimit.windowMinutes * minute;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
  }
  return {
    allowed: true,
    release: async () => {
      await q
        .update(loginThrottle)
        .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
        .where(and(eq(loginThrottle.key, key), eq(loginThrottle.windowStart, start.toISOString())));
    },
  };
}

/**
 * Per (account, client): failures from one client lock that client out of that account for the
 * window, whoever else keeps logging in. The subject is the account id, or a name's hash.
 */
export const pairLimit = { maxFailures: accountLimit.maxFailures, windowMinutes: 15 } as const;
/** A client that logged in to the account this recently is not stopped by the account's lock. */
export const knownClientDays = 30;

const hashed = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("base64url");

export async function reservePairAttempt(
  q: Queryable,
  subject: string,
  address: string,
  now: Date,
): Promise<AddressReservation> {
  const key = `pair:${hashed(subject, address)}`;
  const start = windowStart(now, pairLimit.windowMinutes);
  const attempts = await countAttempt(q, key, start);
  if (attempts > pairLimit.maxFailures) {
    const end = start.getTime() + pairLimit.windowMinutes * minute;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
  }
  return {
    allowed: true,
    // A success proves the client knows the password: its count starts over.
    release: async () => {
      await q.delete(loginThrottle).where(eq(loginThrottle.key, key));
    },
  };
}

/** Remembers that the client logged in to the account (one row a day, only hashes). */
export async function rememberClient(q: Queryable, userId: string, address: string, now: Date) {
  await q
    .insert(loginThrottle)
    .values({ key: `ok:${hashed(userId, address)}`, windowStart: windowStart(now, 24 * 60).toISOString() })
    .onConflictDoNothing();
}

export async function isKnownClient(q: Queryable, userId: string, address: string, now: Date) {
  const since = new Date(now.getTime() - knownClientDays * 24 * 60 * minute).toISOString();
  const [row] = await q
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.key, `ok:${hashed(userId, address)}`), gt(loginThrottle.windowStart, since)))
    .limit(1);
  return row !== undefined;
}

/** Drops rows nobody can be limited by any more: address windows and locks after a day, counters after two windows. */
export async function forgetOldAttempts(q: Queryable, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * minute).toISOString();
  const twoNameWindowsAgo = new Date(now.getTime() - 2 * nameWindowMinutes * minute).toISOString();
  await q
    .delete(loginThrottle)
    .where(
      or(
        and(
          or(
            like(loginThrottle.key, "addr:%"),
            like(loginThrottle.key, "lock:%"),
            like(loginThrottle.key, "pair:%"),
          ),
          lte(loginThrottle.windowStart, dayAgo),
        ),
        lte(loginThrottle.windowStart, twoNameWindowsAgo),
      ),
    );
}

/**
 * The lockout state of one attempted username: `reserve` counts an attempt and answers its number
 * (or "locked"), `lock` locks and starts the count over, `succeeded` clears both.
 */
export interface AccountGuard {
  reserve(): Promise<number | "locked">;
  lock(): Promise<void>;
  succeeded(): Promise<void>;
}

/** After a failed password: lock if this was the last allowed attempt. Answers whether it locked. */
export async function recordFailure(guard: AccountGuard, attempt: number): Promise<boolean> {
  if (attempt < accountLimit.maxFailures) return false;
  await guard.lock();
  return true;
}

/** Reserve an attempt; an attempt beyond the limit (a parallel burst) locks at once. */
export async function reserveAccountAttempt(guard: AccountGuard): Promise<number | "locked"> {
  const attempt = await guard.reserve();
  if (attempt === "locked") return "locked";
  if (attempt > accountLimit.maxFailures) {
    await guard.lock();
    return "locked";
  }
  return attempt;
}

export function knownAccountGuard(q: Queryable, userId: string, now: Date): AccountGuard {
  const at = now.toISOString();
  return {
    async reserve() {
      const [row] = await q
        .update(appUser)
        .set({ failedLogins: sql`${appUser.failedLogins} + 1` })
        .where(and(eq(appUser.id, userId), or(isNull(appUser.lockedUntil), lte(appUser.lockedUntil, at))))
        .returning({ failedLogins: appUser.failedLogins });
      return row ? row.failedLogins : "locked";
    },
    async lock() {
      const until = new Date(now.getTime() + accountLimit.lockMinutes * minute).toISOString();
      await q.update(appUser).set({ failedLogins: 0, lockedUntil: until }).where(eq(appUser.id, userId));
    },
    async succeeded() {
      await q.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, userId));
    },
  };
}

/** The same behaviour for a name with no (active) account; the name is stored only as a hash. */
export function unknownNameGuard(q: Queryable, username: string, now: Date): AccountGuard {
  const hash = createHash("sha256").update(username).digest("base64url");
  const counterKey = `name:${hash}`;
  const lockKey = `lock:${hash}`;
  return {
    async reserve() {
      const lockedSince = new Date(now.getTime() - accountLimit.lockMinutes * minute).toISOString();
      const [lock] = await q
        .select({ key: loginThrottle.key })
        .from(loginThrottle)
        .where(and(eq(loginThrottle.key, lockKey), gt(loginThrottle.windowStart, lockedSince)))
        .limit(1);
      if (lock) return "locked";
      return countAttempt(q, counterKey, windowStart(now, nameWindowMinutes));
    },
    async lock() {
      await q
        .insert(loginThrottle)
        .values({ key: lockKey, windowStart: now.toISOString(), attempts: 0 })
        .onConflictDoNothing();
      await q.delete(loginThrottle).where(eq(loginThrottle.key, counterKey));
    },
    async succeeded() {
      // A name without an account never succeeds.
    },
  };
}
