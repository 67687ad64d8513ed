/**
 * An inbox directory: whoever delivers (an integration engine, the national adapter) writes each
 * message as a `*.json` file, best under a temporary name starting with "." and then renamed.
 *
 * A file is claimed by renaming it into `.claimed/` (atomic: of several processes exactly one
 * succeeds), then moved to `processed/` or to `rejected/` with a `.reason.txt` beside it. Nothing
 * is ever deleted or overwritten. A claim left behind by a process that died is taken over
 * after `staleClaimMs` (handling a message twice is harmless: ärenden are idempotent per message id).
 */
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { InboundEnvelope, InboundTransport } from "./transport.ts";

const claimPattern = /^(\d+)-([0-9a-f]+)--(.+)$/;

export class FileInbox implements InboundTransport {
  readonly name = "file";
  private readonly directory: string;
  private readonly maxBytes: number;
  private readonly staleClaimMs: number;
  private readonly now: () => number;

  constructor(
    directory: string,
    options: { maxBytes?: number; staleClaimMs?: number; now?: () => number } = {},
  ) {
    this.directory = directory;
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.staleClaimMs = options.staleClaimMs ?? 10 * 60_000;
    // Compared with the files' modification times, which the file system stamps with the wall
    // clock: a claim's age is a duration, not a business date, so SAMSYN_NOW must not move it.
    // eslint-disable-next-line no-restricted-properties
    this.now = options.now ?? Date.now;
  }

  private get claimedDir() {
    return path.join(this.directory, ".claimed");
  }

  async receive(limit = 20): Promise<InboundEnvelope[]> {
    await Promise.all(
      [this.claimedDir, this.sub("processed"), this.sub("rejected")].map((d) =>
        mkdir(d, { recursive: true }),
      ),
    );
    const claimed: string[] = [];
    // Claims of a process that died: take them over (a rename, so one process wins).
    for (const entry of (await readdir(this.claimedDir)).sort()) {
      if (claimed.length >= limit) break;
      const match = claimPattern.exec(entry);
      if (!match || Number(match[1]) > this.now() - this.staleClaimMs) continue;
      const id = await this.claim(path.join(this.claimedDir, entry), match[3]!);
      if (id) claimed.push(id);
    }
    for (const entry of (await readdir(this.directory)).sort()) {
      if (claimed.length >= limit) break;
      if (entry.startsWith(".") || !entry.endsWith(".json")) continue;
      const id = await this.claim(path.join(this.directory, entry), entry);
      if (id) claimed.push(id);
    }
    const envelopes: InboundEnvelope[] = [];
    for (const id of claimed) {
      const file = path.join(this.claimedDir, id);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        if (info) await this.reject(id, ["Inte en fil."]);
        continue;
      }
      if (info.size > this.maxBytes) {
        await this.reject(id, [`Filen är större än ${Math.round(this.maxBytes / 1024)} kB.`]);
        continue;
      }
      envelopes.push({ id, body: await readFile(file, "utf8") });
    }
    return envelopes;
  }

  async acknowledge(id: string): Promise<void> {
    await this.moveOut(id, "processed");
  }

  async reject(id: string, reasons: string[]): Promise<void> {
    const moved = await this.moveOut(id, "rejected");
    if (moved) await writeFile(`${moved}.reason.txt`, `${reasons.join("\n")}\n`, { mode: 0o600 });
  }

  async release(id: string): Promise<void> {
    // Back into the inbox under its own name unless a new file took that name meanwhile; then
    // the claim stays and is taken over when it is stale.
    const fileName = claimPattern.exec(id)?.[3];
    if (!fileName) return;
    await this.linkAway(path.join(this.claimedDir, id), path.join(this.directory, fileName)).catch(
      () => undefined,
    );
  }

  private sub(name: "processed" | "rejected") {
    return path.join(this.directory, name);
  }

  /** Renames the file into a claim of this process; null when another process got it first. */
  private async claim(from: string, fileName: string): Promise<string | null> {
    const id = `${this.now()}-${randomBytes(6).toString("hex")}--${fileName}`;
    try {
      await rename(from, path.join(this.claimedDir, id));
      return id;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  /** Moves a claimed file to processed/ or rejected/ without overwriting; its new path, or null when the claim is gone. */
  private async moveOut(id: string, to: "processed" | "rejected"): Promise<string | null> {
    const fileName = claimPattern.exec(id)?.[3];
    if (!fileName) return null;
    const from = path.join(this.claimedDir, id);
    const base = fileName.replace(/\.json$/, "");
    for (const candidate of [fileName, `${base}.${id.split("--")[0]}.json`]) {
      const target = path.join(this.sub(to), candidate);
      try {
        await this.linkAway(from, target);
        return target;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Taken over by another process after it went stale: that one finishes it.
        if (code === "ENOENT") return null;
        if (code !== "EEXIST") throw error;
      }
    }
    throw new Error("inbox: no free name to move the message to");
  }

  /** A move that never overwrites: link fails if the target exists. */
  private async linkAway(from: string, to: string) {
    await link(from, to);
    await unlink(from);
  }
}
