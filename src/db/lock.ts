/**
 * PGlite must be opened by one process only: a second process on the same directory can
 * corrupt it. A lock file holding the owner's pid refuses the second opener with a clear message.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {}

export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "samsyn.lock");
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch {
    const owner = Number(readFileSync(lockFile, "utf8"));
    if (owner !== process.pid && isAlive(owner)) {
      throw new DataDirLockedError(
        `The data directory ${dataDir} is in use by process ${owner}. Stop it first, or set DATABASE_URL.`,
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live process holding the data directory, or null. */
export function dataDirHolder(dataDir: string): number | null {
  try {
    const owner = Number(readFileSync(path.join(dataDir, "samsyn.lock"), "utf8"));
    return owner !== process.pid && isAlive(owner) ? owner : null;
  } catch {
    return null;
  }
}
