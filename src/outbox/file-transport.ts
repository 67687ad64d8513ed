/**
 * Delivers each message as a JSON file in a directory (a queue another process or an integration
 * engine picks up). Written to a temporary name and renamed, so a reader never sees half a file;
 * the file name is the message id, so delivering twice leaves one file.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { OutboxEnvelope, Transport } from "./transport.ts";

export class FileTransport implements Transport {
  readonly name = "file";
  private readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  async deliver(envelope: OutboxEnvelope): Promise<{ externalRef: string }> {
    await mkdir(this.directory, { recursive: true });
    const fileName = `${envelope.messageId}.json`;
    const temporary = path.join(this.directory, `.${fileName}.tmp`);
    await writeFile(temporary, JSON.stringify(envelope, null, 2), { mode: 0o600 });
    await rename(temporary, path.join(this.directory, fileName));
    return { externalRef: fileName };
  }
}
