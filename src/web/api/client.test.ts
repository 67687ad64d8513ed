/** The web app's HTTP client against a real HTTP server speaking the API's error shape. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, onUnauthorized, request, setCsrfToken } from "./client.ts";

let server: Server;
const realFetch = globalThis.fetch;
let seen: { method: string; url: string; csrf: string | undefined; body: string }[] = [];

const answers: Record<string, [number, unknown]> = {
  "/api/ok": [200, { hello: "hej" }],
  "/api/patients": [
    400,
    {
      error: {
        code: "VALIDATION",
        message: "Uppgifterna är inte giltiga.",
        issues: [{ path: "givenName", message: "Ange förnamn." }],
      },
    },
  ],
  "/api/patients/p1": [
    409,
    { error: { code: "CONFLICT", message: "Någon annan …", current: { version: 7 } } },
  ],
  "/api/units": [401, { error: { code: "UNAUTHENTICATED", message: "Du är inte inloggad." } }],
  "/api/auth/login": [
    401,
    { error: { code: "INVALID_CREDENTIALS", message: "Fel användarnamn eller lösenord." } },
  ],
  "/api/garbage": [502, "<html>Bad gateway</html>"],
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, csrf: req.headers["x-csrf-token"] as string, body });
      const path = req.url!.split("?")[0]!;
      if (path === "/api/auth/logout") return res.writeHead(204).end();
      const [status, payload] = answers[path] ?? [
        404,
        { error: { code: "NOT_FOUND", message: "Hittades inte." } },
      ];
      res.writeHead(status, { "content-type": "application/json" });
      res.end(typeof payload === "string" ? payload : JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The browser resolves "/api/…" against the page; here the server's address stands in for it.
  globalThis.fetch = (input, init) => realFetch(`${base}${String(input)}`, init);
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  setCsrfToken("token-1");
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("api client", () => {
  it("returns the JSON of a success and sends query parameters", async () => {
    expect(await request("GET", "/api/ok", { query: { q: "Ek", limit: 50, skip: undefined } })).toEqual({
      hello: "hej",
    });
    expect(seen[0]!.url).toBe("/api/ok?q=Ek&limit=50");
    expect(seen[0]!.csrf).toBeUndefined();
  });

  it("sends the CSRF token on changes, or the one given (login)", async () => {
    await request("POST", "/api/auth/logout");
    expect(seen[0]).toMatchObject({ method: "POST", csrf: "token-1" });
    await failure(request("POST", "/api/auth/login", { body: { username: "a" }, csrfToken: "login-token" }));
    expect(seen[1]).toMatchObject({ csrf: "login-token", body: '{"username":"a"}' });
  });

  it("turns the error shape into an ApiError with issues per field", async () => {
    const error = await failure(request("POST", "/api/patients", { body: {} }));
    expect(error).toMatchObject({ status: 400, code: "VALIDATION", message: "Uppgifterna är inte giltiga." });
    expect(error.issueFor("givenName")).toBe("Ange förnamn.");
    expect(error.issueFor("familyName")).toBeUndefined();
  });

  it("carries what is saved now on a conflict", async () => {
    const error = await failure(request("PATCH", "/api/patients/p1", { body: { version: 6 } }));
    expect(error.status).toBe(409);
    expect(error.current).toEqual({ version: 7 });
  });

  it("reports a lost session, but not a failed login, as unauthorized", async () => {
    let calls = 0;
    onUnauthorized(() => calls++);
    await failure(request("GET", "/api/units"));
    expect(calls).toBe(1);
    const login = await failure(request("POST", "/api/auth/login", { body: {} }));
    expect(login.message).toBe("Fel användarnamn eller lösenord.");
    expect(calls).toBe(1);
  });

  it("gives a Swedish message when the answer is not the error shape", async () => {
    const error = await failure(request("GET", "/api/garbage"));
    expect(error).toMatchObject({ status: 502, code: "UNREADABLE" });
    expect(error.message).toMatch(/Försök igen/);
  });
});
