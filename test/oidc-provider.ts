/**
 * A real OpenID Connect provider (the `oidc-provider` package) started in-process on 127.0.0.1,
 * for testing the login flow end to end. Its development interactions stand in for SITHS: a
 * login form that accepts any login (which becomes `sub`) and password, then a consent form.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
// oidc-provider v9 ships no type declarations; the little used here is described below.
// @ts-expect-error -- untyped module (no @types package for v9)
import ProviderModule from "oidc-provider";

interface Account {
  accountId: string;
  claims(): Promise<Record<string, unknown>>;
}

interface ProviderOptions {
  clients: Record<string, unknown>[];
  findAccount(ctx: unknown, id: string): Promise<Account>;
  claims: Record<string, string[]>;
  cookies: { keys: string[] };
  pkce: { required: () => boolean };
  features: { devInteractions: { enabled: boolean } };
  ttl: Record<string, number>;
}

interface ProviderInstance {
  callback(): (req: unknown, res: unknown) => void;
}

const Provider = ProviderModule as new (issuer: string, options: ProviderOptions) => ProviderInstance;

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export interface TestProviderOptions {
  redirectUri: string;
  /** Extra claims per login (sub); they are released with the scope "hsa" (claim hsa_id). */
  extraClaims?: Record<string, Record<string, unknown>>;
}

export async function startOidcProvider(options: TestProviderOptions): Promise<TestProvider> {
  let handler: (req: unknown, res: unknown) => void = (_req, res) => (res as { end(): void }).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "samsyn-test";
  const clientSecret = "samsyn-test-secret-that-is-long-enough";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, ...options.extraClaims?.[id] }),
    }),
    claims: { openid: ["sub"], hsa: ["hsa_id"] },
    cookies: { keys: ["samsyn-test-cookie-key"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    // Seconds; stated so the provider does not warn about its defaults.
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
  });
  handler = provider.callback();
  return { issuer, clientId, clientSecret, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
