/**
 * Starts Samsyn: validate configuration, open and migrate the database, load the demo region
 * into an empty embedded database, serve the API and the web app, shut down gracefully.
 */
import { serve } from "@hono/node-server";
import { openDatabase, type Database } from "../db/client.ts";
import { DataDirLockedError } from "../db/lock.ts";
import { loadDemoIfEmpty } from "../demo/load.ts";
import { certificateDeliveryHooks } from "../certificates/delivery.ts";
import { createCertificateChecker } from "../certificates/checker.ts";
import { FileTransport } from "../outbox/file-transport.ts";
import { startOutboxWorker } from "../outbox/worker.ts";
import { FileInbox } from "../inbox/file-inbox.ts";
import { startInboxWorker } from "../inbox/worker.ts";
import { startTaskJob } from "../tasks/job.ts";
import { startStatisticsPrecompute } from "../statistics/precompute-job.ts";
import { loadReference } from "../reference/index.ts";
import path from "node:path";
import { clock } from "../dates/clock.ts";
import { createApp } from "./app.ts";
import { startAuditSealing } from "../audit/sealer-service.ts";
import { startControlSocket } from "../backup/control.ts";
import { migrateDatabase } from "../db/roles.ts";
import { ConfigError, loadConfig, type Config } from "../server/config.ts";
import { describeError } from "../server/loggable-error.ts";
import { createLogger, type Logger } from "../server/logger.ts";

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: "postgres", url: config.databaseUrl }
      : { kind: "pglite", dataDir: config.dataDir },
  );
  await migrateDatabase(database, config.databaseOwnerUrl);
  if (database.kind === "pglite" && config.demo === "auto") await offerDemo(database, logger);

  const reference = await loadReference(database);
  // The national transport plugs in here behind the same interface; the file transport hands
  // each message to whatever picks up the directory.
  const outbox = startOutboxWorker({
    db: database.db,
    transport: new FileTransport(path.join(config.dataDir, "fk-outbox")),
    hooks: certificateDeliveryHooks,
    logger,
    now: clock().now,
  });
  // And the way back: what Försäkringskassan sends (kompletteringar, ärenden) becomes ärenden.
  const inbox = startInboxWorker({
    db: database.db,
    transport: new FileInbox(path.join(config.dataDir, "fk-inbox")),
    logger,
    now: clock().now,
  });
  // The daily task job: checkpoints, aktualisering and reminders become tasks (several processes: advisory lock).
  const taskJob = startTaskJob({ database, reference, logger, now: clock().now });
  // Every unit's statistics kept precomputed, recomputed only where the unit's data moved.
  const statisticsPrecompute = startStatisticsPrecompute({ database, reference, logger, now: clock().now });
  // Requests only insert audit events; this seals them (keyed chain, checkpoints outside the database).
  const auditSealer = await startAuditSealing({ database, config, logger, now: clock().now });
  // `samsyn backup` asks the running server through this socket (one process per data directory).
  const control = await startControlSocket({ database, config, logger, beforeBackup: auditSealer.runNow });
  const app = createApp({
    database,
    config,
    logger,
    now: clock().now,
    reference,
    certificateChecker: createCertificateChecker(reference),
    outbox,
    taskJob,
    auditSealer,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    logger.info({ port: config.port, database: database.kind }, "listening");
    process.stdout.write(`\nSamsyn körs på ${displayUrl(config)}\n\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // Stop accepting requests, let the running ones finish, then close the database.
    server.close(async () => {
      await outbox.stop();
      await inbox.stop();
      await taskJob.stop();
      await statisticsPrecompute.stop();
      await control.stop();
      await auditSealer.stop();
      await database.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

function displayUrl(config: Config): string {
  return config.publicUrl.replace("//127.0.0.1", "//localhost");
}

async function offerDemo(database: Database, logger: Logger) {
  const demo = await loadDemoIfEmpty(database, { today: clock().today(), logger });
  if (!demo.created) return;
  const lines = demo.users.map((u) => `  ${u.username.padEnd(12)} ${u.role.padEnd(36)} ${u.unit}`);
  process.stdout.write(
    `\nDemoregionen är skapad. Logga in med något av kontona nedan, lösenord: ${demo.password}\n${lines.join("\n")}\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error(`Samsyn could not start: ${describeError(error)}`);
  }
  process.exit(1);
});
