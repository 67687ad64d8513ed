/**
 * The embedded database may be opened by one process only, so while the server runs, `samsyn
 * backup` asks the server to take the snapshot: through a Unix socket in the data directory,
 * reachable only by the server's own OS user (mode 0600). Nothing but a backup is served on it.
 */
import { createHash } from "node:crypto";
import { chmodSync, existsSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "../db/client.ts";
import { clock } from "../dates/clock.ts";
import type { Config } from "../server/config.ts";
import type { Logger } from "../server/logger.ts";
import { loggableError } from "../server/loggable-error.ts";
import { createBackup } from "./snapshot.ts";

/** Where the server of a data directory listens (a short path in tmp when the directory's is too long). */
export function controlSocketPath(dataDir: string): string {
  const inside = path.join(dataDir, "samsyn.sock");
  if (Buffer.byteLength(inside) < 100) return inside;
  const digest = createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  return path.join(tmpdir(), `samsyn-${digest}.sock`);
}

export interface ControlSocket {
  stop(): Promise<void>;
}

export async function startControlSocket(options: {
  database: Database;
  config: Config;
  logger: Logger;
  /** Runs before each snapshot (the server seals pending audit events). */
  beforeBackup?: () => Promise<void>;
}): Promise<ControlSocket> {
  const { database, config, logger } = options;
  if (database.kind !== "pglite") return { stop: async () => undefined };
  const socketPath = controlSocketPath(config.dataDir);
  // We hold the data directory's lock, so a socket left here is a dead server's.
  if (existsSync(socketPath)) rmSync(socketPath, { force: true });
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/backup") {
      res.writeHead(404).end();
      return;
    }
    void (async () => {
      try {
        await options.beforeBackup?.();
        const backup = await createBackup(database, config, clock().now().toISOString());
        res.writeHead(200, { "content-type": "application/octet-stream", "content-length": backup.length });
        res.end(backup);
        logger.info({ bytes: backup.length }, "backup taken");
      } catch (error) {
        logger.error({ err: loggableError(error) }, "backup failed");
        res
          .writeHead(500, { "content-type": "text/plain" })
          .end(error instanceof Error ? error.message : "failed");
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Asks the server holding the data directory for a backup. */
export function requestBackup(dataDir: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath: controlSocketPath(dataDir), path: "/backup", method: "POST" },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode === 200) resolve(body);
          else reject(new Error(`the server could not take the backup: ${body.toString("utf8")}`));
        });
        res.on("error", reject);
      },
    );
    req.on("error", (error) =>
      reject(new Error(`cannot reach the running server's control socket: ${error.message}`)),
    );
    req.end();
  });
}
