/** The HTTP shell: health, the OpenAPI document, unknown routes, security headers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client.ts";
import { anonymousClient, createTestApp, type TestApp } from "./app.ts";
import { openTestDatabase, testDatabaseKinds } from "./databases.ts";

describe.each(testDatabaseKinds())("server on %s", (kind) => {
  let database: Database;
  let testApp: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    testApp = createTestApp(database);
  });
  afterAll(() => database.close());

  it("reports health with the database kind", async () => {
    const res = await anonymousClient(testApp).json("GET", "/api/health");
    expect(res).toEqual({ status: 200, body: { status: "ok", database: kind } });
  });

  it("serves the OpenAPI document generated from the schemas", async () => {
    const res = await anonymousClient(testApp).json<{ openapi: string; paths: Record<string, unknown> }>(
      "GET",
      "/api/docs",
    );
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(["/api/patients", "/api/patients/{id}", "/api/health"]),
    );
  });

  it("reveals nothing about unknown API addresses before login, and sets security headers", async () => {
    const res = await anonymousClient(testApp).request("GET", "/api/nothing-here");
    expect(res.status).toBe(401);
    const health = await anonymousClient(testApp).request("GET", "/api/health");
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(health.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});
