import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";

/**
 * What every request handler can reach. Built once at start (src/app), passed down explicitly.
 * The kernel declares only what it owns; an area that provides a service to handlers adds it here
 * with a module augmentation beside the service (`declare module "../server/env.ts"`), so the
 * kernel never imports an area: the certificate checker (certificates/service.ts), the reference
 * data (reference/index.ts) and the outbox worker (outbox/worker.ts).
 */
export interface AppDeps {
  database: Database;
  config: Config;
  logger: Logger;
  /** Clock: tests set it; everything else asks here, never `new Date()` directly. */
  now: () => Date;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
  };
}
