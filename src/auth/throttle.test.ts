/** Rate limit per address and lockout per account, through the real login endpoint and database. */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rowsOf, type Database } from "../db/client.ts";
import { appUser } from "../db/schema.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { hashPassword } from "./password.ts";
import type * as PasswordModule from "./password.ts";

/** Every password check of the app under test, with the parameters of the hash it was checked against. */
const checks = vi.hoisted(() => [] as string[]);
vi.mock("./password.ts", async (importOriginal) => {
  const real = await importOriginal<typeof PasswordModule>();
  return {
    ...real,
    verifyPassword: (password: string, stored: string) => {
      checks.push(stored.split("$").slice(0, 4).join("$"));
      return real.verifyPassword(password, stored);
    },
  };
});
import { accountLimit, addressLimit, normalizeAddress } from "./throttle.ts";
import { loadConfig } from "../server/config.ts";

const password = "rätt-lösenord-2";
const csrf = "a".repeat(43);

/** One login attempt from an address, with a valid login CSRF token. */
async function attempt(
  testApp: TestApp,
  username: string,
  pass: string,
  address = "198.51.100.7",
  forwardedFor?: string,
) {
  const res = await testApp.app.request(
    "/api/auth/login",
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: `samsyn_csrf=${csrf}`,
        "x-csrf-token": csrf,
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
      body: JSON.stringify({ username, password: pass }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { error?: { code: string } },
  };
}

describe("normalizeAddress", () => {
  it("keeps IPv4, unwraps IPv4-mapped IPv6 and groups IPv6 by /64", () => {
    expect(normalizeAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
  });
});

describe.each(testDatabaseKinds())("login throttling on %s", (kind) => {
  let database: Database;
  let passwordHash: string;
  let clock = new Date("2025-03-10T08:00:00Z");
  let testApp: TestApp;
  let addressCounter = 0;
  /** Each test its own address, so the address limit of one does not spill into another. */
  const nextAddress = () => `203.0.113.${++addressCounter}`;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    passwordHash = await hashPassword(password);
    testApp = createTestApp(database, { now: () => clock });
  });
  afterAll(() => database.close());

  async function user() {
    const unit = await buildUnit(database.db);
    return buildUser(database.db, { passwordHash, roles: [["SEKRETERARE", unit.id]] });
  }

  async function accountState(userId: string) {
    const [row] = await database.db
      .select({ failedLogins: appUser.failedLogins, lockedUntil: appUser.lockedUntil })
      .from(appUser)
      .where(eq(appUser.id, userId));
    return row!;
  }

  it(`locks an account after ${accountLimit.maxFailures} failures, for ${accountLimit.lockMinutes} minutes`, async () => {
    const account = await user();
    const address = nextAddress();
    const start = clock;
    try {
      for (let i = 1; i < accountLimit.maxFailures; i++) {
        expect((await attempt(testApp, account.username, "fel", address)).status).toBe(401);
      }
      expect(await accountState(account.id)).toMatchObject({ failedLogins: accountLimit.maxFailures - 1 });
      const locking = await attempt(testApp, account.username, "fel", address);
      expect(locking.status).toBe(423);
      expect(locking.body.error).toEqual({
        code: "LOCKED",
        message:
          "För många misslyckade inloggningsförsök. Inloggningen är spärrad en stund (högst 15 minuter). Försök igen senare.",
      });
      // Locked: even the right password is refused.
      expect((await attempt(testApp, account.username, password, address)).status).toBe(423);
      clock = new Date(start.getTime() + 14 * 60_000);
      expect((await attempt(testApp, account.username, password, address)).status).toBe(423);
      clock = new Date(start.getTime() + 16 * 60_000);
      expect((await attempt(testApp, account.username, password, address)).status).toBe(200);
      expect(await accountState(account.id)).toEqual({ failedLogins: 0, lockedUntil: null });
    } finally {
      clock = start;
    }
  });

  it("starts the count over after a successful login", async () => {
    const account = await user();
    const address = nextAddress();
    for (let i = 1; i < accountLimit.maxFailures; i++)
      await attempt(testApp, account.username, "fel", address);
    expect((await attempt(testApp, account.username, password, address)).status).toBe(200);
    expect(await accountState(account.id)).toEqual({ failedLogins: 0, lockedUntil: null });
    for (let i = 1; i < accountLimit.maxFailures; i++) {
      expect((await attempt(testApp, account.username, "fel", address)).status).toBe(401);
    }
  });

  it("treats a name without an account exactly like an account, so answers reveal nothing", async () => {
    const account = await user();
    const address = nextAddress();
    const name = `finns-inte-${account.username}`;
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < accountLimit.maxFailures + 2; i++) {
      const a = await attempt(testApp, account.username, "fel", address);
      const b = await attempt(testApp, name, "fel", address);
      known.push([a.status, a.body]);
      unknown.push([b.status, b.body]);
    }
    expect(unknown).toEqual(known);
    expect(known.map((k) => (k as [number])[0])).toEqual([401, 401, 401, 401, 423, 423, 423]);
    // The name is kept only as a hash.
    const keys = rowsOf<{ key: string }>(await database.db.execute(sql`select key from login_throttle`));
    expect(keys.some((k) => k.key.includes(name))).toBe(false);
  });

  it("lets a parallel burst of guesses past the lockout no more than the limit allows", async () => {
    const account = await user();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => attempt(testApp, account.username, "fel", nextAddress())),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(accountLimit.maxFailures - 1);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    expect((await attempt(testApp, account.username, password, nextAddress())).status).toBe(423);
  });

  it(`limits an address to ${addressLimit.maxFailures} failures per window, sparing other addresses`, async () => {
    const account = await user();
    const address = nextAddress();
    const start = clock;
    try {
      // Different names each time: this is the address limit, not the account lockout.
      for (let i = 0; i < addressLimit.maxFailures; i++) {
        expect((await attempt(testApp, `gissning-${kind}-${i}`, "fel", address)).status).toBe(401);
      }
      const limited = await attempt(testApp, account.username, password, address);
      expect(limited.status).toBe(429);
      expect(limited.body.error?.code).toBe("RATE_LIMITED");
      const retryAfter = (limited.body.error as unknown as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(addressLimit.windowMinutes * 60);
      expect(limited.headers.get("retry-after")).toBe(String(retryAfter));
      // The limited attempt did not count against the account.
      expect(await accountState(account.id)).toMatchObject({ failedLogins: 0 });

      expect((await attempt(testApp, account.username, password, nextAddress())).status).toBe(200);
      clock = new Date(start.getTime() + addressLimit.windowMinutes * 60_000);
      expect((await attempt(testApp, account.username, password, address)).status).toBe(200);
    } finally {
      clock = start;
    }
    // 50+ logins, each a full scrypt (N=2^15, the dummy hash for unknown names): ~20 s alone, past
    // 30 s under a loaded full run. A timeout here would leave the loop running in the background
    // with the shared clock moved a window ahead, breaking the tests after it.
  }, 120_000);

  it("does not count successful logins against the address", async () => {
    const account = await user();
    const address = nextAddress();
    for (let i = 0; i < 3; i++)
      expect((await attempt(testApp, account.username, password, address)).status).toBe(200);
    const rows = rowsOf<{ attempts: number }>(
      await database.db.execute(sql`select attempts from login_throttle where key = ${`addr:${address}`}`),
    );
    expect(rows.map((r) => Number(r.attempts))).toEqual([0]);
  });

  it("spends as long on an unknown name as on a wrong password: the same scrypt check", async () => {
    const account = await user();
    const parameters = passwordHash.split("$").slice(0, 4).join("$");
    // Counted, not timed (timings fail on a busy machine): without the dummy hash an unknown name
    // would skip scrypt and answer in a few ms against scrypt's ~50+ ms.
    checks.length = 0;
    await attempt(testApp, account.username, "fel", nextAddress());
    expect(checks).toEqual([parameters]);
    checks.length = 0;
    await attempt(testApp, `okand-${account.username}`, "fel", nextAddress());
    expect(checks).toEqual([parameters]);
  });

  it("lets an attacker lock only their own client out of an account, never its owner", async () => {
    const victim = await user();
    const home = nextAddress();
    expect((await attempt(testApp, victim.username, password, home)).status).toBe(200);
    const attacker = nextAddress();
    for (let i = 1; i < accountLimit.maxFailures; i++)
      expect((await attempt(testApp, victim.username, "fel", attacker)).status).toBe(401);
    expect((await attempt(testApp, victim.username, "fel", attacker)).status).toBe(423);
    // The attacker stays locked out, even with the right password …
    expect((await attempt(testApp, victim.username, password, attacker)).status).toBe(423);
    // … and so does any client the account has never logged in from …
    expect((await attempt(testApp, victim.username, password, nextAddress())).status).toBe(423);
    // … but the owner's own computer gets in.
    expect((await attempt(testApp, victim.username, password, home)).status).toBe(200);
  });

  it(`locks a known client after ${accountLimit.maxFailures} failures of its own (per account and client)`, async () => {
    const account = await user();
    const home = nextAddress();
    expect((await attempt(testApp, account.username, password, home)).status).toBe(200);
    // Lock the account from elsewhere first: a known client is still braked on its own count.
    const elsewhere = nextAddress();
    for (let i = 0; i < accountLimit.maxFailures; i++)
      await attempt(testApp, account.username, "fel", elsewhere);
    const statuses: number[] = [];
    for (let i = 0; i < accountLimit.maxFailures + 1; i++)
      statuses.push((await attempt(testApp, account.username, "fel", home)).status);
    expect(statuses.at(-1)).toBe(423);
    expect(statuses.filter((s) => s === 401)).toHaveLength(accountLimit.maxFailures);
    expect((await attempt(testApp, account.username, password, home)).status).toBe(423);
  });

  it("reads the client behind a trusted reverse proxy, so one client's guesses spare everyone else", async () => {
    const proxy = "10.0.0.1";
    const config = loadConfig({
      SAMSYN_DATA_DIR: ".tmp/unused",
      LOG_LEVEL: "silent",
      SAMSYN_TRUSTED_PROXIES: `${proxy}/32`,
    });
    const proxied = createTestApp(database, { now: () => clock, config });
    const account = await user();
    const guesser = `198.18.${addressCounter}.1`;
    for (let i = 0; i < addressLimit.maxFailures; i++)
      await attempt(proxied, `proxy-gissning-${kind}-${i}`, "fel", proxy, guesser);
    expect((await attempt(proxied, account.username, password, proxy, guesser)).status).toBe(429);
    // Everyone else behind the same proxy logs in.
    expect(
      (await attempt(proxied, account.username, password, proxy, `198.18.${addressCounter}.2`)).status,
    ).toBe(200);
    // Without the setting the header is not believed (client-address.test.ts): the socket counts.
  }, 120_000);
});
