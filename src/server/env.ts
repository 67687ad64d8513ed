import type { Actor } from "../access/actor.ts";
import type { Database } from "../db/client.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";

/** What every request handler can reach. Built once at start, passed down explicitly. */
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
