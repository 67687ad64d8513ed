/**
 * OIDC login end to end against a real provider (oidc-provider, in-process) and the real app on a
 * listening server: the browser's whole redirect dance is driven with fetch and a cookie jar.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../db/client.ts";
import { loadConfig } from "../server/config.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import { openTestDatabase, testDatabaseKinds } from "../../test/databases.ts";
import { buildUnit, buildUser } from "../../test/factories.ts";
import { startOidcProvider, type TestProvider } from "../../test/oidc-provider.ts";
import { unseal } from "./oidc.ts";
import { clock } from "../dates/clock.ts";

/** Cookies for 127.0.0.1, where both servers live (cookies ignore ports, as in a browser). */
class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((a) => {
        const [key = "", v = ""] = a.trim().split("=");
        if (key.toLowerCase() === "max-age") return Number(v) <= 0;
        // A browser's cookie jar, like the identity provider that sets these cookies, runs on the
        // wall clock, not on Samsyn's (SAMSYN_NOW may move Samsyn's clock by years).
        // eslint-disable-next-line no-restricted-properties
        if (key.toLowerCase() === "expires") return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

interface FlowOptions {
  /** What the user types into the provider's login form (becomes `sub`). */
  login: string;
  /** Cancel at the provider instead of logging in. */
  abort?: boolean;
  /** Called just before the browser follows the provider's redirect back to the app. */
  beforeCallback?: (callback: URL, jar: CookieJar) => URL | void;
}

interface FlowResult {
  /** Where the app finally sent the browser (a page of the web app). */
  landing: URL;
  callback: URL | null;
}

/** Plays the browser: follows redirects and submits the provider's forms. */
async function runFlow(appOrigin: string, jar: CookieJar, options: FlowOptions): Promise<FlowResult> {
  let url = new URL("/api/auth/oidc/start", appOrigin);
  let init: RequestInit = {};
  let callback: URL | null = null;
  for (let step = 0; step < 30; step++) {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        cookie: jar.header(),
        ...(init.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
    });
    jar.store(res);
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      let next = new URL(res.headers.get("location")!, url);
      if (next.origin === appOrigin && !next.pathname.startsWith("/api/")) return { landing: next, callback };
      if (next.origin === appOrigin && next.pathname === "/api/auth/oidc/callback") {
        next = options.beforeCallback?.(next, jar) ?? next;
        callback = next;
      }
      url = next;
      init = {};
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`unexpected ${res.status} at ${url.href}: ${html.slice(0, 500)}`);
    if (options.abort) {
      const abort = /href="([^"]*\/abort)"/.exec(html);
      if (!abort) throw new Error(`no abort link at ${url.href}`);
      url = new URL(abort[1]!, url);
      init = {};
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html);
    if (!action) throw new Error(`no form at ${url.href}: ${html.slice(0, 500)}`);
    const fields = new URLSearchParams();
    for (const input of html.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input[0])?.[1];
      if (!name) continue;
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
      fields.set(name, name === "login" ? options.login : name === "password" ? "valfritt" : value);
    }
    url = new URL(action[1]!.replaceAll("&amp;", "&"), url);
    init = { method: "POST", body: fields.toString() };
  }
  throw new Error("the login flow did not end");
}

describe.each(testDatabaseKinds())("OIDC login on %s", (kind) => {
  let database: Database;
  let provider: TestProvider;
  let server: Server;
  let appOrigin: string;
  let current: TestApp | null = null;

  const useApp = (env: Record<string, string> = {}) => {
    current = createTestApp(database, {
      config: loadConfig({
        SAMSYN_DATA_DIR: ".tmp/unused",
        LOG_LEVEL: "silent",
        SAMSYN_AUTH_MODE: "production",
        SAMSYN_PUBLIC_URL: appOrigin,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        ...env,
      }),
    });
    return current;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Plain HTTP/1 (serve's default), so a node:http Server.
    server = serve({
      fetch: (req, env) => current!.app.fetch(req, env),
      port: 0,
      hostname: "127.0.0.1",
    }) as Server;
    if (!server.listening) await new Promise((resolve) => server.once("listening", resolve));
    appOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    provider = await startOidcProvider({
      redirectUri: `${appOrigin}/api/auth/oidc/callback`,
      extraClaims: { "pseudonym-4711": { hsa_id: `SE2321000016-${kind}-HSA` } },
    });
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await provider?.close();
    await database?.close();
  });

  async function member(hsaId: string) {
    const unit = await buildUnit(database.db, { name: `Hälsocentralen ${hsaId}` });
    return buildUser(database.db, { hsaId, roles: [["LAKARE", unit.id]] });
  }

  async function meWith(jar: CookieJar) {
    const res = await fetch(new URL("/api/auth/session", appOrigin), { headers: { cookie: jar.header() } });
    return { status: res.status, body: (await res.json()) as { user?: { id: string }; authMode?: string } };
  }

  async function lastSeq() {
    const [row] = rowsOf<{ n: string }>(
      await database.db.execute(sql`select coalesce(max(seq), 0) as n from audit_event`),
    );
    return Number(row!.n);
  }

  async function auditSince(seq: number) {
    return rowsOf<{ action: string; user_id: string | null; details: Record<string, unknown> }>(
      await database.db.execute(
        sql`select action, user_id, details from audit_event where seq > ${seq} order by seq`,
      ),
    );
  }

  it("offers OIDC and no password in production mode", async () => {
    useApp();
    const res = await fetch(new URL("/api/auth/config", appOrigin));
    expect(await res.json()).toEqual({ mode: "production", passwordLogin: false, oidc: true });
  });

  it("sends the browser to the provider with PKCE, state and nonce in an encrypted cookie", async () => {
    useApp();
    const res = await fetch(new URL("/api/auth/oidc/start", appOrigin), { redirect: "manual" });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: `${appOrigin}/api/auth/oidc/callback`,
      response_type: "code",
      code_challenge_method: "S256",
      scope: "openid profile",
    });
    for (const param of ["code_challenge", "state", "nonce"]) {
      expect(location.searchParams.get(param)).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    }
    const line = res.headers.getSetCookie().find((l) => l.startsWith("samsyn_oidc="))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\/api\/auth\/oidc/);
    expect(line).toMatch(/Max-Age=600/);
    const sealed = line.split(";")[0]!.slice("samsyn_oidc=".length);
    // The cookie does not show its contents, and a key that is not ours cannot open it.
    expect(sealed).not.toContain(location.searchParams.get("state")!);
    expect(unseal(sealed, Buffer.alloc(32), clock().now())).toBeNull();
  });

  it("logs a known user in through the provider's login and consent", async () => {
    const user = await member(`SE2321000016-${kind}-1001`);
    useApp();
    const jar = new CookieJar();
    const before = await lastSeq();
    const { landing } = await runFlow(appOrigin, jar, { login: user.hsaId! });
    expect(landing.href).toBe(`${appOrigin}/`);
    expect(jar.cookies.has("samsyn_session")).toBe(true);
    // The flow cookie is spent.
    expect(jar.cookies.has("samsyn_oidc")).toBe(false);

    const me = await meWith(jar);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: user.id, username: user.username }, authMode: "production" });
    const [session] = rowsOf<{ auth_method: string }>(
      await database.db.execute(sql`select auth_method from session where user_id = ${user.id}`),
    );
    expect(session?.auth_method).toBe("oidc");
    expect(await auditSince(before)).toEqual([
      { action: "LOGIN", user_id: user.id, details: { method: "oidc" } },
    ]);
  });

  it("gives no session to someone the provider knows but Samsyn does not", async () => {
    useApp();
    const jar = new CookieJar();
    const before = await lastSeq();
    const { landing } = await runFlow(appOrigin, jar, { login: `SE2321000016-${kind}-OKAND` });
    expect(landing.pathname + landing.search).toBe("/logga-in?fel=okand-anvandare");
    expect(jar.cookies.has("samsyn_session")).toBe(false);
    expect((await meWith(jar)).status).toBe(401);
    expect(await auditSince(before)).toEqual([
      {
        action: "LOGIN_FAILED",
        user_id: null,
        details: { method: "oidc", knownUser: false, reason: "unknown-user" },
      },
    ]);
  });

  it("gives no session to a deactivated user", async () => {
    const user = await member(`SE2321000016-${kind}-1002`);
    await database.db.execute(sql`update app_user set active = false where id = ${user.id}`);
    useApp();
    const jar = new CookieJar();
    const { landing } = await runFlow(appOrigin, jar, { login: user.hsaId! });
    expect(landing.search).toBe("?fel=okand-anvandare");
    expect(jar.cookies.has("samsyn_session")).toBe(false);
  });

  it("refuses a callback without the browser's flow cookie, with a forged state, or replayed", async () => {
    const user = await member(`SE2321000016-${kind}-1003`);
    useApp();

    const withoutCookie = new CookieJar();
    const lost = await runFlow(appOrigin, withoutCookie, {
      login: user.hsaId!,
      beforeCallback: (_url, jar) => void jar.cookies.delete("samsyn_oidc"),
    });
    expect(lost.landing.search).toBe("?fel=oidc");
    expect(withoutCookie.cookies.has("samsyn_session")).toBe(false);

    const forgedState = new CookieJar();
    const forged = await runFlow(appOrigin, forgedState, {
      login: user.hsaId!,
      beforeCallback: (url) => {
        const changed = new URL(url);
        changed.searchParams.set("state", "forged-state-value");
        return changed;
      },
    });
    expect(forged.landing.search).toBe("?fel=oidc");
    expect(forgedState.cookies.has("samsyn_session")).toBe(false);

    // A login that worked, replayed whole (callback URL with its code, and the flow cookie).
    let flowCookie = "";
    const jar = new CookieJar();
    const done = await runFlow(appOrigin, jar, {
      login: user.hsaId!,
      beforeCallback: (_url, j) => void (flowCookie = j.cookies.get("samsyn_oidc") ?? ""),
    });
    expect(done.landing.pathname).toBe("/");
    expect(flowCookie).not.toBe("");
    const replay = await fetch(done.callback!, {
      redirect: "manual",
      headers: { cookie: `samsyn_oidc=${flowCookie}` },
    });
    expect(new URL(replay.headers.get("location")!, appOrigin).search).toBe("?fel=oidc");
    expect(replay.headers.getSetCookie().some((l) => l.startsWith("samsyn_session="))).toBe(false);
  });

  it("sends the user back to the login page when they cancel at the provider", async () => {
    useApp();
    const jar = new CookieJar();
    const { landing } = await runFlow(appOrigin, jar, { login: "ingen", abort: true });
    expect(landing.pathname + landing.search).toBe("/logga-in?fel=oidc");
    expect(jar.cookies.has("samsyn_session")).toBe(false);
  });

  it("maps another configured claim to the HSA-id (read from userinfo when not in the ID token)", async () => {
    const user = await member(`SE2321000016-${kind}-HSA`);
    useApp({ OIDC_USER_CLAIM: "hsa_id", OIDC_SCOPE: "openid hsa" });
    const jar = new CookieJar();
    const { landing } = await runFlow(appOrigin, jar, { login: "pseudonym-4711" });
    expect(landing.href).toBe(`${appOrigin}/`);
    expect((await meWith(jar)).body.user?.id).toBe(user.id);
  });

  it("sends the browser back to the login page when the provider cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const issuer = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    useApp({ OIDC_ISSUER: issuer });
    const res = await fetch(new URL("/api/auth/oidc/start", appOrigin), { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/logga-in?fel=oidc");
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it("answers 404 for the OIDC endpoints when no provider is configured", async () => {
    current = createTestApp(database, {
      config: loadConfig({ SAMSYN_DATA_DIR: ".tmp/unused", LOG_LEVEL: "silent" }),
    });
    const res = await fetch(new URL("/api/auth/oidc/start", appOrigin), { redirect: "manual" });
    expect(res.status).toBe(404);
  });
});
