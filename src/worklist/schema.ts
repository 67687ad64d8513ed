/** Query and response schemas of the unit list API (list and export share the filters). */
import { z } from "@hono/zod-openapi";
import { sysselsattningTypes } from "../certificates/rules/draft.ts";
import { riskFlagLabels, riskLevels } from "./risk.ts";
import { teamStatusIds } from "../traceability/rules.ts";
import {
  coordinatorStatusIds,
  lengthBucketIds,
  sortColumnIds,
  type LengthBucketId,
  type UnitListFilter,
} from "./rules.ts";

const flag = (description: string) => z.enum(["true", "false"]).optional().openapi({ description });
const whole = (label: string, max: number) =>
  z.coerce
    .number({ error: `${label} ska vara ett heltal.` })
    .int({ error: `${label} ska vara ett heltal.` })
    .min(0, { error: `${label} kan inte vara negativt.` })
    .max(max, { error: `${label} får vara högst ${max}.` })
    .optional();
const isoDate = (label: string) => z.iso.date({ error: `Ange ${label} som ÅÅÅÅ-MM-DD.` }).optional();

const filterFields = {
  over30: flag("Only cases longer than 30 days"),
  risk: flag("Only cases with a risk score of at least 2"),
  minRisk: whole("Lägsta riskpoäng", 20),
  openArenden: flag("Only cases with open ärenden"),
  fmbExceeded: flag("true: only cases longer than FMB recommends; false: only the others"),
  length: z
    .string()
    .refine((v) => v.split(",").every((id) => (lengthBucketIds as string[]).includes(id)), {
      error: `Okänd längdgrupp. Välj bland ${lengthBucketIds.join(", ")}.`,
    })
    .optional()
    .openapi({ description: `Length buckets, comma separated: ${lengthBucketIds.join(", ")}` }),
  minDays: whole("Minsta längd", 100_000),
  maxDays: whole("Största längd", 100_000),
  chapter: z
    .string()
    .max(20, "Okänt diagnoskapitel.")
    .optional()
    .openapi({ description: "ICD-10 chapter, e.g. F00-F99" }),
  diagnosisGroup: z.string().max(200, "Okänd diagnosgrupp.").optional(),
  doctor: z.uuid({ error: "Ogiltigt läkar-id." }).optional(),
  ageMin: whole("Lägsta ålder", 150),
  ageMax: whole("Högsta ålder", 150),
  sex: z.enum(["F", "M"], { error: "Kön ska vara F eller M." }).optional(),
  endFrom: isoDate("slutdatum från"),
  endTo: isoDate("slutdatum till"),
  sysselsattning: z.enum(sysselsattningTypes, { error: "Okänd sysselsättning." }).optional(),
  status: z.enum(["ONGOING", "ENDED"], { error: "Status ska vara ONGOING eller ENDED." }).optional(),
  teamStatus: z.enum(teamStatusIds, { error: "Okänd teamstatus." }).optional(),
  coordinatorStatus: z
    .enum(coordinatorStatusIds, { error: "Okänd koordinatorstatus." })
    .optional()
    .openapi({ description: `The rehabkoordinator's status: ${coordinatorStatusIds.join(", ")}` }),
  q: z.string().trim().max(100, "Söktexten är för lång.").optional(),
  sort: z.enum(sortColumnIds, { error: "Okänd kolumn att sortera på." }).default("days"),
  order: z.enum(["asc", "desc"], { error: "Ordningen ska vara asc eller desc." }).default("desc"),
};

type RangeCheck = {
  minDays?: number | undefined;
  maxDays?: number | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  endFrom?: string | undefined;
  endTo?: string | undefined;
};

function checkRanges(value: RangeCheck, ctx: z.RefinementCtx) {
  const pairs: [keyof RangeCheck, keyof RangeCheck, string][] = [
    ["minDays", "maxDays", "Största längd kan inte vara mindre än minsta längd."],
    ["ageMin", "ageMax", "Högsta ålder kan inte vara lägre än lägsta ålder."],
    ["endFrom", "endTo", "Slutdatum till kan inte vara före slutdatum från."],
  ];
  for (const [low, high, message] of pairs) {
    const a = value[low];
    const b = value[high];
    if (a !== undefined && b !== undefined && a > b) ctx.addIssue({ code: "custom", path: [high], message });
  }
}

export const unitListQuery = z
  .object({
    ...filterFields,
    limit: z.coerce
      .number({ error: "Antal rader ska vara ett heltal." })
      .int()
      .min(1, "Minst en rad.")
      .max(1000, "Högst 1000 rader åt gången.")
      .default(100),
    offset: z.coerce.number({ error: "Ogiltig startrad." }).int().min(0, "Ogiltig startrad.").default(0),
  })
  .superRefine(checkRanges);

export const unitListExportQuery = z
  .object({
    ...filterFields,
    format: z.enum(["csv", "xlsx", "pdf"], { error: "Välj format: csv, xlsx eller pdf." }),
    /** For a shared screen or a meeting: the file leaves out name and personnummer. */
    hidePersonal: z
      .enum(["true", "false"], { error: "hidePersonal ska vara true eller false." })
      .default("false"),
  })
  .superRefine(checkRanges);

type FilterQuery = {
  [K in keyof typeof filterFields]?: z.infer<(typeof filterFields)[K]>;
};

const asFlag = (v: "true" | "false" | undefined) => (v === undefined ? undefined : v === "true");

/** The validated query as the pure filter (flags as booleans, absent keys left out). */
export function toFilter(query: FilterQuery): UnitListFilter {
  const filter: UnitListFilter = {
    over30: asFlag(query.over30),
    risk: asFlag(query.risk),
    minRisk: query.minRisk,
    openArenden: asFlag(query.openArenden),
    fmbExceeded: asFlag(query.fmbExceeded),
    length: query.length ? (query.length.split(",") as LengthBucketId[]) : undefined,
    minDays: query.minDays,
    maxDays: query.maxDays,
    chapter: query.chapter,
    diagnosisGroup: query.diagnosisGroup,
    doctorId: query.doctor,
    ageMin: query.ageMin,
    ageMax: query.ageMax,
    sex: query.sex,
    endFrom: query.endFrom,
    endTo: query.endTo,
    sysselsattning: query.sysselsattning,
    status: query.status,
    teamStatus: query.teamStatus,
    coordinatorStatus: query.coordinatorStatus,
    q: query.q === "" ? undefined : query.q,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as UnitListFilter;
}

const countsSchema = z.object({ total: z.number(), women: z.number(), men: z.number() });

export const riskSchema = z.object({
  score: z.number(),
  level: z.enum(Object.keys(riskLevels) as [keyof typeof riskLevels]),
  flags: z.array(
    z.object({
      code: z.enum(Object.keys(riskFlagLabels) as [keyof typeof riskFlagLabels]),
      label: z.string(),
      weight: z.number(),
      facts: z.array(z.string()),
    }),
  ),
});

export const unitListRowSchema = z.object({
  patientId: z.string(),
  personnummer: z.string(),
  name: z.string(),
  protectedIdentity: z.boolean(),
  sex: z.enum(["F", "M"]),
  age: z.number(),
  status: z.enum(["ONGOING", "ENDED"]),
  start: z.string(),
  end: z.string(),
  days: z.number(),
  dayInCase: z.number(),
  certificateCount: z.number(),
  anchorCertificateId: z.string(),
  currentGrade: z.number().nullable(),
  grades: z.array(z.number()),
  diagnosis: z.string(),
  diagnosisTitle: z.string().nullable(),
  diagnoses: z.array(z.string()),
  chapter: z.object({ id: z.string(), title: z.string() }).nullable(),
  diagnosisGroup: z.string().nullable(),
  sysselsattning: z.array(z.string()),
  doctorId: z.string().nullable(),
  doctorName: z.string().nullable(),
  openArenden: z.number(),
  fmbLimitDays: z.number().nullable(),
  fmbExceeded: z.boolean(),
  risk: riskSchema,
  teamStatus: z.enum(teamStatusIds).nullable(),
  coordinatorStatus: z.enum(coordinatorStatusIds),
  coordinatorStatusVersion: z.number(),
});

export const unitListResponse = z
  .object({
    today: z.string(),
    settings: z.object({ gap: z.number(), afterEnd: z.number() }),
    /** UNIT: every case of the unit; OWN: cases whose anchor certificate the user signed. */
    scope: z.enum(["UNIT", "OWN"]),
    /** The filtered list, split by sex. */
    counts: countsSchema,
    /** The whole list before filters, split by sex. */
    unfiltered: countsSchema,
    limit: z.number(),
    offset: z.number(),
    rows: z.array(unitListRowSchema),
  })
  .openapi("UnitList");

// ---- The list screen's other reads: saved columns and the doctor filter ----

export const preferencesSchema = z
  .object({
    /** The columns the user chose to show, in order; null: the default columns. */
    columns: z.array(z.enum(sortColumnIds)).nullable(),
  })
  .openapi("UnitListPreferences");

export const preferencesBody = z
  .strictObject({
    columns: z
      .array(z.enum(sortColumnIds, { error: "Okänd kolumn." }), { error: "Ange kolumnerna som en lista." })
      .max(sortColumnIds.length, "För många kolumner.")
      .refine((list) => new Set(list).size === list.length, { error: "En kolumn får bara väljas en gång." })
      .nullable(),
  })
  .openapi("UnitListPreferencesChange");

export const doctorsSchema = z
  .object({ doctors: z.array(z.object({ id: z.string(), name: z.string() })) })
  .openapi("UnitListDoctors");

// ---- The rehabkoordinator's status of a case ----

export const coordinatorStatusBody = z
  .strictObject({
    /** The case as the list shows it: its start and its anchor certificate. */
    caseStart: z.iso.date({ error: "Ange sjukfallets start som ÅÅÅÅ-MM-DD." }),
    certificateId: z.uuid({ error: "Ogiltigt intygs-id." }),
    status: z.enum(coordinatorStatusIds, {
      error: `Välj status: ${coordinatorStatusIds.join(", ")}.`,
    }),
    /** The version the user saw (0: never set); another one answers 409. */
    version: z
      .number({ error: "Versionen ska vara ett heltal." })
      .int({ error: "Versionen ska vara ett heltal." })
      .min(0, { error: "Versionen kan inte vara negativ." }),
  })
  .openapi("CoordinatorStatusChange");

export const coordinatorStatusResponse = z
  .object({
    patientId: z.string(),
    caseStart: z.string(),
    status: z.enum(coordinatorStatusIds),
    version: z.number(),
  })
  .openapi("CoordinatorStatus");

export type SexCounts = z.output<typeof countsSchema>;
export type UnitList = z.output<typeof unitListResponse>;
export type UnitListPreferences = z.output<typeof preferencesSchema>;
export type UnitListDoctors = z.output<typeof doctorsSchema>;
export type CoordinatorStatusChange = z.input<typeof coordinatorStatusBody>;
export type CoordinatorStatusResult = z.output<typeof coordinatorStatusResponse>;
