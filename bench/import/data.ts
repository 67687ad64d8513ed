/**
 * The import benchmark's data: the scaled demo region (`samsyn demo --certificates N`, the same
 * deterministic generator) split in two — its organisation (units, staff) goes into the database,
 * its signed, sent and revoked certificates into a file in the import format (the `sjukfall`
 * certificate format: personnummer, the doctor's HSA-id, periods, replaces/completes by id).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Database } from "../../src/db/client.ts";
import { formatPersonnummer } from "../../src/patients/identity.ts";
import { generateDemo, type DemoRecord } from "../../src/demo/generate.ts";
import { RowSink } from "../../src/demo/sink.ts";
import { loadTestPersonnummer } from "../../src/reference/testpersonnummer.ts";

const organisation = new Set<DemoRecord["table"]>([
  "region",
  "careProvider",
  "unit",
  "appUser",
  "assignment",
]);
const imported = new Set(["SIGNERAT", "SKICKAT", "MAKULERAT"]);

const demo = (today: string, certificates: number) =>
  generateDemo({
    seed: "samsyn",
    today,
    personnummer: loadTestPersonnummer(),
    // Nobody logs in to this database.
    passwordHash: "scrypt$unused",
    certificates,
  });

/** Writes the region's units and staff (no patients, no certificates). */
export async function loadOrganisation(
  database: Database,
  today: string,
  certificates: number,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const sink = new RowSink(tx);
    for (const record of demo(today, certificates)) {
      if (organisation.has(record.table)) sink.push(record);
      else if (record.table === "patient") break;
    }
    await sink.flush();
  });
}

interface Period {
  grad: number;
  from: string;
  tom: string;
}

/** Writes the certificates as a JSON array to `file`; resolves to how many. */
export async function writeCertificateFile(
  file: string,
  today: string,
  certificates: number,
): Promise<number> {
  const out = createWriteStream(file);
  const personnummer = new Map<string, string>();
  const hsaIds = new Map<string, string>();
  let count = 0;
  let buffer = "[";
  for (const record of demo(today, certificates)) {
    if (record.table === "appUser" && record.row.hsaId) hsaIds.set(record.row.id!, record.row.hsaId);
    if (record.table === "patient")
      personnummer.set(record.row.id!, formatPersonnummer(record.row.personnummer));
    if (record.table !== "certificate" || !imported.has(record.row.status!)) continue;
    const row = record.row;
    const content = row.content as {
      perioder: Period[];
      diagnoser?: { kod: string }[];
      smittbararpenning?: boolean;
    };
    const cert = {
      id: row.id,
      patient: personnummer.get(row.patientId)!,
      unit: row.unitId,
      doctor: row.doctorId ? (hsaIds.get(row.doctorId) ?? null) : null,
      signed: row.signedAt!,
      diagnosis: content.diagnoser?.[0]?.kod ?? null,
      periods: content.perioder.map((p) => ({ from: p.from, to: p.tom, grade: p.grad })),
      ...(row.smittbararpenning ? { smittbararpenning: true } : {}),
      ...(row.status === "MAKULERAT" ? { status: "revoked" } : {}),
      ...(row.replacesId ? { replaces: row.replacesId } : {}),
      ...(row.completesId ? { completes: row.completesId } : {}),
    };
    buffer += `${count === 0 ? "" : ",\n"}${JSON.stringify(cert)}`;
    count++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(`${buffer}]\n`);
  await once(out, "finish");
  return count;
}
