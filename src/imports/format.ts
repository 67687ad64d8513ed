/**
 * Certificates written in another system, in the command-line contract's certificate format
 * (`../shared/contracts/README.md`), from JSON or CSV. Pure: parsing and row-by-row validation,
 * with a Swedish reason for every rejected row.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { parseIdentityNumber } from "../patients/identity.ts";

const isoDate = z.iso.date({ error: "datum ska vara ÅÅÅÅ-MM-DD" });

export const importedPeriodSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    grade: z.union([z.literal(25), z.literal(50), z.literal(75), z.literal(100)], {
      error: "grad ska vara 25, 50, 75 eller 100",
    }),
  })
  .refine((p) => p.from <= p.to, { error: "perioden slutar före den börjar" });

export const importedCertificateSchema = z
  .object({
    id: z.string().trim().min(1, "id saknas").max(100),
    patient: z.string().refine((v) => parseIdentityNumber(v).ok, { error: "ogiltigt personnummer" }),
    unit: z.string().trim().min(1, "enhet saknas"),
    doctor: z.string().trim().max(100).nullable().optional(),
    signed: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?/, "signeringstid ska vara ÅÅÅÅ-MM-DDTtt:mm"),
    diagnosis: z
      .string()
      .trim()
      .regex(/^[A-Za-z]\d{2}(\.?[0-9A-Za-z]{1,2})?$/, "diagnoskoden ska vara en ICD-10-kod (3–5 positioner)")
      .nullable()
      .optional(),
    periods: z.array(importedPeriodSchema).min(1, "minst en period krävs").max(4, "högst fyra perioder"),
    smittbararpenning: z.boolean().optional(),
    status: z.enum(["signed", "revoked"], { error: "status ska vara signed eller revoked" }).optional(),
    replaces: z.string().trim().min(1).nullable().optional(),
    completes: z.string().trim().min(1).nullable().optional(),
    type: z.enum(["FK7804", "FK7263"]).optional(),
  })
  .superRefine((cert, ctx) => {
    const sorted = [...cert.periods].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i++) {
      // Sharing a day is an overlap.
      if (sorted[i]!.from <= sorted[i - 1]!.to) {
        ctx.addIssue({ code: "custom", path: ["periods"], message: "perioderna överlappar" });
        return;
      }
    }
  });

export type ImportedCertificate = z.infer<typeof importedCertificateSchema>;

export interface RejectedRow {
  /** 1-based position: the array index + 1 for JSON, the line number for CSV. */
  row: number;
  id: string | null;
  reasons: string[];
}

export interface ParsedImport {
  accepted: { row: number; certificate: ImportedCertificate }[];
  rejected: RejectedRow[];
}

function reasonsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
  );
}

function validateRows(rows: { row: number; value: unknown }[]): ParsedImport {
  const result: ParsedImport = { accepted: [], rejected: [] };
  const seen = new Set<string>();
  for (const { row, value } of rows) {
    const parsed = importedCertificateSchema.safeParse(value);
    const id = typeof (value as { id?: unknown })?.id === "string" ? (value as { id: string }).id : null;
    if (!parsed.success) {
      result.rejected.push({ row, id, reasons: reasonsOf(parsed.error) });
    } else if (seen.has(parsed.data.id)) {
      result.rejected.push({ row, id, reasons: ["id förekommer mer än en gång i filen"] });
    } else {
      seen.add(parsed.data.id);
      result.accepted.push({ row, certificate: parsed.data });
    }
  }
  return result;
}

export class ImportFormatError extends Error {}

/** An empty file (or a header without rows) imports nothing: most likely the wrong file. */
const noCertificates = "Filen innehåller inga intyg. Välj en fil med minst ett intyg.";

export function parseJsonImport(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportFormatError("Filen är inte giltig JSON.");
  }
  if (!Array.isArray(data)) throw new ImportFormatError("Filen ska innehålla en JSON-lista med intyg.");
  if (data.length === 0) throw new ImportFormatError(noCertificates);
  return validateRows(data.map((value, i) => ({ row: i + 1, value })));
}

/**
 * CSV: one line per period, with the header
 * `id;patient;unit;doctor;signed;diagnosis;from;to;grade;smittbararpenning;status;replaces;completes`
 * (comma or semicolon). Lines of the same id are one certificate.
 */
export const csvColumns = [
  "id",
  "patient",
  "unit",
  "doctor",
  "signed",
  "diagnosis",
  "from",
  "to",
  "grade",
  "smittbararpenning",
  "status",
  "replaces",
  "completes",
] as const;

export function parseCsvImport(text: string): ParsedImport {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") ? ";" : ",";
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: true, delimiter, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new ImportFormatError(`Filen är inte giltig CSV: ${(error as Error).message}`);
  }
  const missing = csvColumns.filter(
    (c) =>
      ["id", "patient", "unit", "signed", "from", "to", "grade"].includes(c) &&
      !(records[0] && c in records[0]),
  );
  if (records.length > 0 && missing.length > 0) {
    throw new ImportFormatError(`CSV-filen saknar kolumnerna: ${missing.join(", ")}.`);
  }
  if (records.length === 0) throw new ImportFormatError(noCertificates);
  const grouped = new Map<string, { row: number; value: Record<string, unknown> }>();
  records.forEach((record, index) => {
    const line = index + 2;
    const key = record.id || `rad-${line}`;
    const period = { from: record.from, to: record.to, grade: Number(record.grade) };
    const existing = grouped.get(key);
    if (existing) {
      (existing.value.periods as unknown[]).push(period);
      return;
    }
    const optional = (value: string | undefined) => (value ? value : null);
    grouped.set(key, {
      row: line,
      value: {
        id: record.id,
        patient: record.patient,
        unit: record.unit,
        doctor: optional(record.doctor),
        signed: record.signed,
        diagnosis: optional(record.diagnosis),
        periods: [period],
        smittbararpenning: ["ja", "true", "1"].includes((record.smittbararpenning ?? "").toLowerCase()),
        status: optional(record.status) ?? "signed",
        replaces: optional(record.replaces),
        completes: optional(record.completes),
      },
    });
  });
  return validateRows([...grouped.values()]);
}
