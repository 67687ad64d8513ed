/**
 * The virtual users of the mixed-load benchmark, run in a worker thread so that the clients' work
 * does not share the server's event loop. Each user logs in with its password (the login CSRF
 * cookie, then POST /api/auth/login), then works in a closed loop (the next request when the
 * previous answer is read) until the time is up or its request budget is spent:
 *
 * - rehabkoordinator: the unit list, patient pages (patient, cases, certificates), patient search,
 *   recording a samtycke, exporting the unit list (CSV), now and then logging out and in again;
 * - läkare: its own-case list, patient pages, search, saving its certificate draft (autosave),
 *   exporting its list, and logging out and in again.
 *
 * Users log in once (in the warm-up phase) and keep their sessions into the measured phase, as
 * people at work are already logged in; logins within the phase are the log-out-and-in ones.
 *
 * Every answer other than the expected 2xx counts as an error. Choices come from a seeded random,
 * so two runs ask the same things.
 */
import { parentPort, workerData } from "node:worker_threads";

export interface VirtualUser {
  username: string;
  /** The session a previous phase left (cookie and CSRF token); else the user logs in first. */
  session?: { cookie: string; csrf: string };
  role: "REHABKOORDINATOR" | "LAKARE";
  /** Patients of the user's unit (ids). */
  patients: string[];
}

export interface MixedInput {
  base: string;
  password: string;
  users: VirtualUser[];
  ms: number;
  /** Upper bound on requests per user. */
  maxRequests: number;
  /** Only GET /api/health (the yardstick phase). */
  healthOnly: boolean;
  today: string;
}

export interface KindResult {
  requests: number;
  errors: number;
  latencies: number[];
}

export interface MixedResult {
  kinds: Record<string, KindResult>;
  /** Each user's session at the end, for the next phase. */
  sessions: { cookie: string; csrf: string }[];
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function cookieValue(res: Response, name: string): string | null {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [key, value] = pair!.split("=");
    if (key === name && value) return value;
  }
  return null;
}

async function run(input: MixedInput): Promise<MixedResult> {
  const result: Record<string, KindResult> = {};
  const sessions: MixedResult["sessions"] = [];
  const until = performance.now() + input.ms;
  const timed = async (kind: string, expected: number, send: () => Promise<Response>) => {
    const started = performance.now();
    try {
      const res = await send();
      const status = res.status;
      const text = await res.text();
      const body: unknown =
        text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null;
      const entry = (result[kind] ??= { requests: 0, errors: 0, latencies: [] });
      entry.requests++;
      entry.latencies.push(performance.now() - started);
      if (status !== expected) {
        entry.errors++;
        if (entry.errors <= 3) console.error(`${kind}: ${status} ${text.slice(0, 200)}`);
      }
      return { res, body, ok: status === expected };
    } catch (error) {
      const entry = (result[kind] ??= { requests: 0, errors: 0, latencies: [] });
      entry.requests++;
      entry.errors++;
      entry.latencies.push(performance.now() - started);
      if (entry.errors <= 3) console.error(`${kind}: ${(error as Error).message}`);
      return { res: null, body: null, ok: false };
    }
  };

  await Promise.all(
    input.users.map(async (user, index) => {
      const next = random(index + 1);
      const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
      let cookie = user.session?.cookie ?? "";
      let csrf = user.session?.csrf ?? "";
      let draft: { id: string; version: number } | null = null;
      const get = (path: string) => () => fetch(`${input.base}${path}`, { headers: { cookie } });
      const send = (method: string, path: string, body: unknown) => () =>
        fetch(`${input.base}${path}`, {
          method,
          headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const login = async () => {
        const config = await fetch(`${input.base}/api/auth/config`);
        await config.arrayBuffer();
        const loginCsrf = cookieValue(config, "samsyn_csrf") ?? "";
        const answer = await timed("login", 200, () =>
          fetch(`${input.base}/api/auth/login`, {
            method: "POST",
            headers: {
              cookie: `samsyn_csrf=${loginCsrf}`,
              "x-csrf-token": loginCsrf,
              "content-type": "application/json",
            },
            body: JSON.stringify({ username: user.username, password: input.password }),
          }),
        );
        cookie = `samsyn_session=${answer.res ? cookieValue(answer.res, "samsyn_session") : ""}`;
        csrf = (answer.body as { csrfToken?: string } | null)?.csrfToken ?? "";
      };

      if (input.healthOnly) {
        for (let n = 0; n < input.maxRequests && performance.now() < until; n++) {
          await timed("health", 200, () => fetch(`${input.base}/api/health`));
        }
        return;
      }
      if (!user.session) await login();
      for (let n = 0; n < input.maxRequests && performance.now() < until; n++) {
        const roll = next();
        const patient = pick(user.patients);
        if (roll < 0.3) {
          await timed("list", 200, get("/api/sjukfall"));
        } else if (roll < 0.6) {
          // The patient page asks for these three together.
          await Promise.all([
            timed("patient", 200, get(`/api/patients/${patient}`)),
            timed("patient cases", 200, get(`/api/patients/${patient}/sjukfall`)),
            timed("patient certificates", 200, get(`/api/patients/${patient}/certificates`)),
          ]);
        } else if (roll < 0.72) {
          await timed("search", 200, get(`/api/patients?q=${pick(["an", "er", "lind", "19", "ma"])}`));
        } else if (roll < 0.95 && user.role === "LAKARE") {
          if (!draft) {
            const created = await timed(
              "draft create",
              201,
              send("POST", `/api/patients/${patient}/certificates`, { content: {} }),
            );
            const body = created.body as { id?: string; version?: number } | null;
            if (body?.id && body.version) draft = { id: body.id, version: body.version };
            continue;
          }
          const saved = await timed(
            "draft save",
            200,
            send("PUT", `/api/certificates/${draft.id}`, {
              version: draft.version,
              content: { ovrigt: `Utkast sparat ${n}` },
            }),
          );
          const body = saved.body as { version?: number } | null;
          if (body?.version) draft.version = body.version;
        } else if (roll < 0.95) {
          await timed(
            "consent",
            201,
            send("POST", `/api/patients/${patient}/samtycken`, {
              kind: pick(["KOORDINERING", "TEAM", "INFO_FK"]),
              obtainedDate: input.today,
              method: "MUNTLIGT",
              scope: "Koordinering av sjukskrivningen (belastningstest).",
            }),
          );
        } else if (roll < 0.97) {
          await timed("unit list export", 200, get("/api/sjukfall/export?format=csv"));
        } else {
          await timed("logout", 204, send("POST", "/api/auth/logout", {}));
          await login();
        }
      }
      sessions[index] = { cookie, csrf };
    }),
  );
  return { kinds: result, sessions };
}

if (parentPort) parentPort.postMessage(await run(workerData as MixedInput));
