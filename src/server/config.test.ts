import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("has working defaults for the embedded demo", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: null,
      authMode: "demo",
      secureCookies: false,
      publicUrl: "http://localhost:3000",
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it("names every invalid setting", () => {
    expect(() => loadConfig({ PORT: "99999", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: "99999", DATABASE_URL: "mysql://x" });
    } catch (error) {
      expect((error as Error).message).toContain("PORT");
      expect((error as Error).message).toContain("DATABASE_URL");
    }
  });

  it("requires OIDC and a public address in production mode, and uses Secure cookies behind https", () => {
    expect(() => loadConfig({ SAMSYN_AUTH_MODE: "production" })).toThrow(/OIDC_ISSUER/);
    const config = loadConfig({
      SAMSYN_AUTH_MODE: "production",
      OIDC_ISSUER: "https://idp.example.se",
      OIDC_CLIENT_ID: "samsyn",
      SAMSYN_PUBLIC_URL: "https://samsyn.example.se",
    });
    expect(config.secureCookies).toBe(true);
    expect(config.oidc).toMatchObject({
      issuer: "https://idp.example.se",
      clientId: "samsyn",
      userClaim: "sub",
    });
  });

  it("lets SAMSYN_NOW move the clock outside production, and refuses it in production", () => {
    expect(() => loadConfig({ SAMSYN_NOW: "2027-12-31" })).not.toThrow();
    expect(() => loadConfig({ SAMSYN_NOW: "2027-02-30" })).toThrow(/SAMSYN_NOW: must be an ISO date/);
    const production = {
      SAMSYN_AUTH_MODE: "production",
      OIDC_ISSUER: "https://idp.example.se",
      OIDC_CLIENT_ID: "samsyn",
      SAMSYN_PUBLIC_URL: "https://samsyn.example.se",
    };
    expect(() => loadConfig(production)).not.toThrow();
    expect(() => loadConfig({ ...production, SAMSYN_NOW: "2027-12-31" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, SAMSYN_NOW: "2027-12-31" })).toThrow(
      /SAMSYN_NOW: is not allowed in production mode/,
    );
  });
});
