/**
 * Login through the region's identity provider (SITHS via OIDC): authorization code flow with
 * PKCE, state and nonce (openid-client). Between start and callback the browser carries the
 * verifier, state and nonce in a short-lived HttpOnly cookie, encrypted and authenticated
 * (AES-256-GCM), so no server-side store is needed and any server process can finish the flow.
 * The key is generated once and kept in app_meta, shared by every process on the database.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import * as client from "openid-client";
import type { Database } from "../db/client.ts";
import { appMeta, appUser } from "../db/schema.ts";
import type { Config } from "../server/config.ts";

export const oidcCookie = "samsyn_oidc";
export const callbackPath = "/api/auth/oidc/callback";
/** How long the user has at the identity provider before the flow must start over. */
export const flowMinutes = 10;

type OidcConfig = NonNullable<Config["oidc"]>;

interface FlowState {
  verifier: string;
  state: string;
  nonce: string;
  /** Epoch milliseconds after which the cookie is refused. */
  expires: number;
}

const keyName = "auth.oidc-flow-key";
const sealLabel = Buffer.from("samsyn-oidc-flow-v1");
const keys = new WeakMap<Database, Promise<Buffer>>();

/** The cookie key, created by the first process that needs it. */
function flowKey(database: Database): Promise<Buffer> {
  let key = keys.get(database);
  if (!key) {
    key = loadFlowKey(database);
    keys.set(database, key);
    key.catch(() => keys.delete(database));
  }
  return key;
}

async function loadFlowKey(database: Database): Promise<Buffer> {
  const fresh = randomBytes(32).toString("base64");
  await database.db
    .insert(appMeta)
    .values({ key: keyName, value: { key: fresh } })
    .onConflictDoNothing();
  const [row] = await database.db
    .select({ value: appMeta.value })
    .from(appMeta)
    .where(eq(appMeta.key, keyName));
  const stored = (row?.value as { key?: unknown } | undefined)?.key;
  if (typeof stored !== "string") throw new Error(`app_meta ${keyName} is malformed`);
  return Buffer.from(stored, "base64");
}

export function seal(state: FlowState, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(sealLabel);
  const body = Buffer.concat([cipher.update(JSON.stringify(state), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The flow state, or null when the cookie was tampered with, made with another key, or is stale. */
export function unseal(text: string, key: Buffer, now: Date): FlowState | null {
  try {
    const raw = Buffer.from(text, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAAD(sealLabel);
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const state = JSON.parse(plain) as FlowState;
    return state.expires > now.getTime() ? state : null;
  } catch {
    return null;
  }
}

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's metadata, fetched once per process. Plain http is allowed only for a provider on
 * this machine (tests, a local IdP); anything else must be https.
 */
function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const cacheKey = `${oidc.issuer} ${oidc.clientId}`;
  let found = discovered.get(cacheKey);
  if (!found) {
    const issuer = new URL(oidc.issuer);
    const loopback = ["127.0.0.1", "[::1]", "localhost"].includes(issuer.hostname);
    found = client.discovery(issuer, oidc.clientId, oidc.clientSecret ?? undefined, undefined, {
      timeout: 10,
      ...(issuer.protocol === "http:" && loopback ? { execute: [client.allowInsecureRequests] } : {}),
    });
    discovered.set(cacheKey, found);
    // A provider that was down must be asked again next time.
    found.catch(() => discovered.delete(cacheKey));
  }
  return found;
}

function redirectUri(config: Config): string {
  return new URL(callbackPath, config.publicUrl).href;
}

/** Where to send the browser, and the sealed cookie that must come back with it. */
export async function startFlow(
  database: Database,
  config: Config,
  oidc: OidcConfig,
  now: Date,
): Promise<{ url: string; cookie: string }> {
  const provider = await providerConfiguration(oidc);
  const state: FlowState = {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    expires: now.getTime() + flowMinutes * 60_000,
  };
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri(config),
    scope: oidc.scope,
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(state.verifier),
    code_challenge_method: "S256",
    state: state.state,
    nonce: state.nonce,
  });
  return { url: url.href, cookie: seal(state, await flowKey(database)) };
}

export type FlowResult =
  { outcome: "user"; userId: string } | { outcome: "unknown-user" } | { outcome: "failed"; reason: string };

/**
 * Checks the provider's answer (state, PKCE, nonce, ID token) and finds the user whose HSA-id
 * is the configured claim. `search` is the callback's query string as received.
 */
export async function finishFlow(
  database: Database,
  config: Config,
  oidc: OidcConfig,
  search: string,
  sealed: string | undefined,
  now: Date,
): Promise<FlowResult> {
  const state = sealed ? unseal(sealed, await flowKey(database), now) : null;
  if (!state) return { outcome: "failed", reason: "missing or stale flow cookie" };
  const provider = await providerConfiguration(oidc);
  // Rebuilt on the public URL: behind a proxy the request's own URL may differ from redirect_uri.
  const currentUrl = new URL(redirectUri(config));
  currentUrl.search = search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(provider, currentUrl, {
      pkceCodeVerifier: state.verifier,
      expectedState: state.state,
      expectedNonce: state.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    return { outcome: "failed", reason: describe(error) };
  }
  const claims = tokens.claims();
  if (!claims) return { outcome: "failed", reason: "no ID token" };
  let identity = claims[oidc.userClaim];
  if (identity === undefined && provider.serverMetadata().userinfo_endpoint) {
    // Some providers put the HSA-id only in userinfo.
    const info = await client.fetchUserInfo(provider, tokens.access_token, claims.sub);
    identity = info[oidc.userClaim];
  }
  if (typeof identity !== "string" || identity === "") {
    return { outcome: "failed", reason: `claim ${oidc.userClaim} missing` };
  }
  const [user] = await database.db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.hsaId, identity), eq(appUser.active, true)));
  return user ? { outcome: "user", userId: user.id } : { outcome: "unknown-user" };
}

function describe(error: unknown): string {
  if (error instanceof client.AuthorizationResponseError) return `provider answered ${error.error}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return "unknown error";
}
