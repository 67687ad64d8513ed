/** The authentication API against the real app and database: login, session, logout, unit switch, CSRF. */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../db/client.ts";
import { assignment } from "../db/schema.ts";
import { loadConfig } from "../server/config.ts";
import { anonymousClient, createTestApp, type TestApp } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { hashPassword } from "./password.ts";

const password = "rätt-lösenord-1";

/** A browser: keeps cookies, sends the login CSRF token like the web app does. */
class Browser {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];
  private readonly testApp: TestApp;
  private readonly address: string;
  constructor(testApp: TestApp, address = "192.0.2.10") {
    this.testApp = testApp;
    this.address = address;
  }

  async request(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    }
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const res = await this.testApp.app.request(
      path,
      { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) },
      { incoming: { socket: { remoteAddress: this.address } } },
    );
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attributes.some((a) => /^\s*max-age=0$/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  }

  async login(username: string, pass: string, headers: Record<string, string> = {}) {
    if (!this.cookies.has("samsyn_csrf")) await this.request("GET", "/api/auth/config");
    return this.request("POST", "/api/auth/login", {
      body: { username, password: pass },
      headers: { "x-csrf-token": this.cookies.get("samsyn_csrf") ?? "", ...headers },
    });
  }
}

function cookieLine(lines: string[], name: string): string {
  const line = lines.find((l) => l.startsWith(`${name}=`));
  if (!line) throw new Error(`no Set-Cookie for ${name} in ${lines.join(" | ")}`);
  return line;
}

describe.each(testDatabaseKinds())("auth API on %s", (kind) => {
  let database: Database;
  let passwordHash: string;
  let clock = new Date("2025-03-10T08:00:00Z");
  const appWith = (env: Record<string, string> = {}) =>
    createTestApp(database, {
      now: () => clock,
      config: loadConfig({ SAMSYN_DATA_DIR: ".tmp/unused", LOG_LEVEL: "silent", ...env }),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    passwordHash = await hashPassword(password);
  });
  afterAll(() => database.close());

  async function world() {
    const north = await buildUnit(database.db, { name: "Hälsocentralen Norr" });
    const south = await buildUnit(database.db, { name: "Hälsocentralen Söder" });
    const elsewhere = await buildUnit(database.db, { name: "Hälsocentralen Annanstans" });
    const user = await buildUser(database.db, {
      passwordHash,
      roles: [
        ["LAKARE", north.id],
        ["REHABKOORDINATOR", south.id],
      ],
    });
    return { north, south, elsewhere, user };
  }

  async function auditEvents(sinceSeq: number) {
    return rowsOf<{
      action: string;
      user_id: string | null;
      unit_id: string | null;
      details: Record<string, unknown>;
    }>(
      await database.db.execute(
        sql`select action, user_id, unit_id, details from audit_event where seq > ${sinceSeq} order by seq`,
      ),
    );
  }
  async function lastSeq() {
    const [row] = rowsOf<{ n: string }>(
      await database.db.execute(sql`select coalesce(max(seq), 0) as n from audit_event`),
    );
    return Number(row!.n);
  }

  it("tells how to log in and gives the login CSRF cookie once", async () => {
    const browser = new Browser(appWith());
    const first = await browser.request("GET", "/api/auth/config");
    expect(first.body).toEqual({ mode: "demo", passwordLogin: true, oidc: false });
    const line = cookieLine(browser.lastSetCookies, "samsyn_csrf");
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/HttpOnly/i);
    const token = browser.cookies.get("samsyn_csrf");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Another tab asking again must not invalidate the token the first tab holds.
    await browser.request("GET", "/api/auth/config");
    expect(browser.lastSetCookies).toEqual([]);
    expect(browser.cookies.get("samsyn_csrf")).toBe(token);
  });

  it("logs in with the right password, sets a safe cookie and answers Me", async () => {
    const { north, south, user } = await world();
    const browser = new Browser(appWith());
    const before = await lastSeq();
    const res = await browser.login(user.username, password);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const line = cookieLine(browser.lastSetCookies, "samsyn_session");
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/);
    expect(res.body).toEqual({
      user: { id: user.id, username: user.username, displayName: user.displayName, title: "" },
      unit: { id: north.id, name: "Hälsocentralen Norr" },
      units: [
        { id: north.id, name: "Hälsocentralen Norr", roles: [{ role: "LAKARE", label: "Läkare" }] },
        {
          id: south.id,
          name: "Hälsocentralen Söder",
          roles: [{ role: "REHABKOORDINATOR", label: "Rehabkoordinator" }],
        },
      ],
      roles: ["LAKARE"],
      capabilities: expect.arrayContaining(["patient.search", "certificate.sign"]),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      authMode: "demo",
      today: "2025-03-10",
      // The configuration's idle lifetime (SESSION_TTL_MINUTES, default 480).
      idleMinutes: 480,
    });
    const session = await browser.request("GET", "/api/auth/session");
    expect(session.status).toBe(200);
    expect(session.body).toEqual(res.body);

    const events = await auditEvents(before);
    expect(events).toEqual([
      { action: "LOGIN", user_id: user.id, unit_id: null, details: { method: "password" } },
    ]);
  });

  it("marks the cookies Secure when served over https", async () => {
    const { user } = await world();
    const browser = new Browser(appWith({ SAMSYN_PUBLIC_URL: "https://samsyn.example.se" }));
    await browser.request("GET", "/api/auth/config");
    expect(cookieLine(browser.lastSetCookies, "samsyn_csrf")).toMatch(/Secure/);
    const res = await browser.login(user.username, password);
    expect(res.status).toBe(200);
    expect(cookieLine(browser.lastSetCookies, "samsyn_session")).toMatch(/Secure/);
  });

  it("answers a wrong password and an unknown name alike, and audits both without the name or password", async () => {
    const { user } = await world();
    const testApp = appWith();
    const before = await lastSeq();
    const wrong = await new Browser(testApp).login(user.username, "fel-lösenord");
    const unknown = await new Browser(testApp).login("finns-inte-alls", "fel-lösenord");
    expect(wrong.status).toBe(401);
    expect(unknown).toMatchObject({ status: 401, body: wrong.body });
    expect(wrong.body.error).toEqual({
      code: "INVALID_CREDENTIALS",
      message: "Fel användarnamn eller lösenord.",
    });

    const events = await auditEvents(before);
    expect(events).toEqual([
      {
        action: "LOGIN_FAILED",
        user_id: user.id,
        unit_id: null,

        details: { method: "password", knownUser: true, reason: "wrong-password" },
      },
      {
        action: "LOGIN_FAILED",
        user_id: null,
        unit_id: null,

        details: { method: "password", knownUser: false, reason: "wrong-password" },
      },
    ]);
    const stored = JSON.stringify(events);
    expect(stored).not.toContain("fel-lösenord");
    expect(stored).not.toContain("finns-inte-alls");
  });

  it("refuses a deactivated user with the ordinary answer", async () => {
    const { user } = await world();
    await database.db.execute(sql`update app_user set active = false where id = ${user.id}`);
    const res = await new Browser(appWith()).login(user.username, password);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("INVALID_CREDENTIALS");
  });

  it("refuses login without the login CSRF token, with a wrong one, or from another site", async () => {
    const { user } = await world();
    const testApp = appWith();
    const browser = new Browser(testApp);
    await browser.request("GET", "/api/auth/config");
    const token = browser.cookies.get("samsyn_csrf")!;
    const body = { username: user.username, password };

    const noHeader = await browser.request("POST", "/api/auth/login", { body });
    const wrongHeader = await browser.request("POST", "/api/auth/login", {
      body,
      headers: { "x-csrf-token": `${token.slice(0, -1)}x` },
    });
    const noCookie = await new Browser(testApp).request("POST", "/api/auth/login", {
      body,
      headers: { "x-csrf-token": token },
    });
    const foreignOrigin = await browser.login(user.username, password, { origin: "https://ond.example.com" });
    const nullOrigin = await browser.login(user.username, password, { origin: "null" });
    const crossSite = await browser.login(user.username, password, { "sec-fetch-site": "cross-site" });
    for (const res of [noHeader, wrongHeader, noCookie, foreignOrigin, nullOrigin, crossSite]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("CSRF");
    }
    expect(browser.cookies.has("samsyn_session")).toBe(false);

    const sameOrigin = await browser.login(user.username, password, {
      origin: "http://localhost:3000",
      "sec-fetch-site": "same-origin",
    });
    expect(sameOrigin.status).toBe(200);
  });

  it("rejects unknown and missing fields with 400", async () => {
    const browser = new Browser(appWith());
    await browser.request("GET", "/api/auth/config");
    const headers = { "x-csrf-token": browser.cookies.get("samsyn_csrf")! };
    const extra = await browser.request("POST", "/api/auth/login", {
      body: { username: "a", password: "b", remember: true },
      headers,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.issues).toEqual([
      expect.objectContaining({ message: expect.stringContaining("Okänt fält") }),
    ]);
    const missing = await browser.request("POST", "/api/auth/login", { body: { username: "a" }, headers });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues).toEqual([{ path: "password", message: "Ange lösenord." }]);
  });

  it("logs out: the session ends, the cookie is cleared, the event is audited", async () => {
    const { user } = await world();
    const browser = new Browser(appWith());
    const me = (await browser.login(user.username, password)).body;
    const token = browser.cookies.get("samsyn_session")!;

    // Without the session's CSRF token the logout is refused and the session lives on.
    const forged = await browser.request("POST", "/api/auth/logout");
    expect(forged.status).toBe(403);
    expect((await browser.request("GET", "/api/auth/session")).status).toBe(200);

    const before = await lastSeq();
    const res = await browser.request("POST", "/api/auth/logout", {
      headers: { "x-csrf-token": me.csrfToken },
    });
    expect(res.status).toBe(204);
    expect(browser.cookies.has("samsyn_session")).toBe(false);
    expect(await auditEvents(before)).toEqual([
      { action: "LOGOUT", user_id: user.id, unit_id: null, details: { method: "password" } },
    ]);
    // The old cookie, replayed, no longer works.
    browser.cookies.set("samsyn_session", token);
    const after = await browser.request("GET", "/api/auth/session");
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("UNAUTHENTICATED");
    // Logging out without a session is harmless.
    expect((await new Browser(appWith()).request("POST", "/api/auth/logout")).status).toBe(204);
  });

  it("ends an idle session after its time to live", async () => {
    const { user } = await world();
    const testApp = appWith({ SESSION_TTL_MINUTES: "30" });
    const browser = new Browser(testApp);
    await browser.login(user.username, password);
    const start = clock;
    try {
      clock = new Date(start.getTime() + 29 * 60_000);
      expect((await browser.request("GET", "/api/auth/session")).status).toBe(200);
      // Activity slid the expiry; 31 idle minutes later it is gone.
      clock = new Date(clock.getTime() + 31 * 60_000);
      expect((await browser.request("GET", "/api/auth/session")).status).toBe(401);
    } finally {
      clock = start;
    }
  });

  it("switches unit only to a unit where the user has an assignment in force", async () => {
    const { north, south, elsewhere, user } = await world();
    const browser = new Browser(appWith());
    const me = (await browser.login(user.username, password)).body;
    const headers = { "x-csrf-token": me.csrfToken };

    const switched = await browser.request("PUT", "/api/auth/session/unit", {
      body: { unitId: south.id },
      headers,
    });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ unit: { id: south.id }, roles: ["REHABKOORDINATOR"] });
    expect(switched.body.capabilities).toContain("patient.write");
    expect(switched.body.capabilities).not.toContain("certificate.sign");
    expect((await browser.request("GET", "/api/auth/session")).body.unit.id).toBe(south.id);

    for (const unitId of [elsewhere.id, "FINNS-INTE"]) {
      const refused = await browser.request("PUT", "/api/auth/session/unit", { body: { unitId }, headers });
      expect(refused.status).toBe(404);
    }
    // An assignment that has ended does not count.
    await database.db
      .insert(assignment)
      .values({ userId: user.id, unitId: elsewhere.id, role: "KURATOR", validTo: "2025-01-31" });
    const ended = await browser.request("PUT", "/api/auth/session/unit", {
      body: { unitId: elsewhere.id },
      headers,
    });
    expect(ended.status).toBe(404);
    expect((await browser.request("GET", "/api/auth/session")).body.unit.id).toBe(south.id);

    const noCsrf = await browser.request("PUT", "/api/auth/session/unit", { body: { unitId: north.id } });
    expect(noCsrf.status).toBe(403);
    const extra = await browser.request("PUT", "/api/auth/session/unit", {
      body: { unitId: north.id, x: 1 },
      headers,
    });
    expect(extra.status).toBe(400);
    const anonymous = await new Browser(appWith()).request("PUT", "/api/auth/session/unit", {
      body: { unitId: north.id },
    });
    expect(anonymous.status).toBe(401);
  });

  it("answers 401 without a session, on the session and on patient data", async () => {
    const client = anonymousClient(appWith());
    expect((await client.request("GET", "/api/auth/session")).status).toBe(401);
    const patients = await client.json<{ error: { code: string } }>("GET", "/api/patients?q=Andersson");
    expect(patients.status).toBe(401);
    expect(patients.body.error.code).toBe("UNAUTHENTICATED");
  });

  it("turns password login off in production mode", async () => {
    const { user } = await world();
    const browser = new Browser(
      appWith({
        SAMSYN_AUTH_MODE: "production",
        OIDC_ISSUER: "https://idp.example.se",
        OIDC_CLIENT_ID: "samsyn",
        SAMSYN_PUBLIC_URL: "https://samsyn.example.se",
      }),
    );
    const config = await browser.request("GET", "/api/auth/config");
    expect(config.body).toEqual({ mode: "production", passwordLogin: false, oidc: true });
    const before = await lastSeq();
    const res = await browser.login(user.username, password);
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({
      code: "PASSWORD_LOGIN_DISABLED",
      message: "Inloggning med lösenord är avstängd. Logga in med SITHS.",
    });
    expect(browser.cookies.has("samsyn_session")).toBe(false);
    expect(await auditEvents(before)).toEqual([]);
  });
});
