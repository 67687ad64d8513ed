/**
 * The relational model. Every table that holds patient data carries `unit_id`, so rows can be
 * distributed by unit and protected with row-level security on a PostgreSQL cluster.
 * Dates that sick-leave rules count are SQL `date` (ISO strings), never timestamps.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { PlanContent } from "../rehabplan/rules.ts";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
/** A full transaction id; read as text (it may exceed 2^53). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow();

export const region = pgTable("region", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

/** Vårdgivare: the legal care provider that units belong to. */
export const careProvider = pgTable("care_provider", {
  id: text("id").primaryKey(),
  regionId: text("region_id")
    .notNull()
    .references(() => region.id),
  name: text("name").notNull(),
  hsaId: text("hsa_id"),
  createdAt: createdAt(),
});

/** Vårdenhet: a health centre. Settings hold the sjukfall parameters (gap, afterEnd, …). */
export const unit = pgTable("unit", {
  id: text("id").primaryKey(),
  careProviderId: text("care_provider_id")
    .notNull()
    .references(() => careProvider.id),
  name: text("name").notNull(),
  hsaId: text("hsa_id"),
  postalAddress: text("postal_address").notNull().default(""),
  postalCode: text("postal_code").notNull().default(""),
  town: text("town").notNull().default(""),
  phone: text("phone").notNull().default(""),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  active: boolean("active").notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});

export const appUser = pgTable(
  "app_user",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    /** Profession shown to colleagues (Läkare, Distriktssköterska …); roles live in assignments. */
    title: text("title").notNull().default(""),
    /** HSA-id: the identity the region's identity provider asserts (OIDC). */
    hsaId: text("hsa_id"),
    /** scrypt hash; null when the user can only log in through OIDC. */
    passwordHash: text("password_hash"),
    /** The user's own preferences, e.g. `sjukfall` overrides of the unit's gap and afterEnd. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "string" }),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("app_user_username_key").on(t.username),
    uniqueIndex("app_user_hsa_id_key").on(t.hsaId),
  ],
);

/** Medarbetaruppdrag: a role held by a user on a unit. */
export const assignment = pgTable(
  "assignment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    role: text("role").notNull(),
    /** VIKARIE or HYRLAKARE: a substitute, who gets the first-day introduction (issue #11); else null. */
    engagement: text("engagement").$type<"VIKARIE" | "HYRLAKARE">(),
    validFrom: date("valid_from", { mode: "string" }),
    validTo: date("valid_to", { mode: "string" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("assignment_user_unit_role_key").on(t.userId, t.unitId, t.role)],
);

export const session = pgTable(
  "session",
  {
    /** sha256 of the cookie token: a leaked table does not leak usable sessions. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    activeUnitId: text("active_unit_id").references(() => unit.id),
    csrfToken: text("csrf_token").notNull(),
    authMethod: text("auth_method").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

/**
 * A patient as known by one unit. The same personnummer may exist on several units; each unit
 * sees only its own row, so other units' patients do not exist for it.
 */
export const patient = pgTable(
  "patient",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    /** 12 digits, no separator: 191212121212. */
    personnummer: text("personnummer").notNull(),
    samordningsnummer: boolean("samordningsnummer").notNull().default(false),
    sex: text("sex").$type<"F" | "M">().notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    protectedIdentity: boolean("protected_identity").notNull().default(false),
    listingUnitId: text("listing_unit_id").references(() => unit.id),
    /** Förstadagsintyg: a certificate is needed from day 1 until this date. */
    firstDayCertificateUntil: date("first_day_certificate_until", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("patient_unit_pnr_key").on(t.unitId, t.personnummer),
    index("patient_unit_name_idx").on(t.unitId, t.familyName, t.givenName),
  ],
);

/**
 * Intyg. `content` holds the FK 7804 answers in the shape of the command-line contract; the
 * columns beside it are what the sjukfall engine and lists need without parsing JSON.
 */
export const certificate = pgTable(
  "certificate",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    doctorId: uuid("doctor_id").references(() => appUser.id),
    /** FK7804 or the legacy FK7263 (imported). */
    type: text("type").notNull().default("FK7804"),
    status: text("status")
      .$type<"UTKAST" | "KLAR_FOR_SIGNERING" | "SIGNERAT" | "SKICKAT" | "MAKULERAT">()
      .notNull()
      .default("UTKAST"),
    renewsId: uuid("renews_id"),
    replacesId: uuid("replaces_id"),
    completesId: uuid("completes_id"),
    smittbararpenning: boolean("smittbararpenning").notNull().default(false),
    mainDiagnosis: text("main_diagnosis"),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    content: jsonb("content").$type<Record<string, unknown>>().notNull().default({}),
    /** Where the certificate came from: written here, or imported from another system. */
    source: text("source").notNull().default("SAMSYN"),
    externalId: text("external_id"),
    createdBy: uuid("created_by").references(() => appUser.id),
    signedAt: timestamp("signed_at", { withTimezone: true, mode: "string" }),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "string" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "string" }),
    /** Why it was revoked: FEL_PATIENT or ANNAT_ALLVARLIGT_FEL, and the doctor's text (0011). */
    revokedReasonCode: text("revoked_reason_code").$type<"FEL_PATIENT" | "ANNAT_ALLVARLIGT_FEL">(),
    revokedReasonText: text("revoked_reason_text"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    index("certificate_unit_end_idx").on(t.unitId, t.endDate),
    index("certificate_unit_patient_idx").on(t.unitId, t.patientId),
    uniqueIndex("certificate_unit_external_key").on(t.unitId, t.externalId),
  ],
);

/** Ärende from Försäkringskassan: komplettering, avstämningsmöte, kontakt, övrigt, påminnelse. */
export const fkArende = pgTable(
  "fk_arende",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    certificateId: uuid("certificate_id").references(() => certificate.id),
    type: text("type").$type<"KOMPLT" | "AVSTMN" | "KONTKT" | "OVRIGT" | "PAMINN">().notNull(),
    receivedDate: date("received_date", { mode: "string" }).notNull(),
    lastAnswerDate: date("last_answer_date", { mode: "string" }),
    questionFields: jsonb("question_fields").$type<string[]>().notNull().default([]),
    text: text("text").notNull().default(""),
    status: text("status").$type<"OPEN" | "ANSWERED" | "CLOSED">().notNull().default("OPEN"),
    answeredAt: timestamp("answered_at", { withTimezone: true, mode: "string" }),
    answerKind: text("answer_kind").$type<"KOMPLETTERING" | "KAN_EJ_KOMPLETTERA" | "SVAR" | "HANTERAT">(),
    answerText: text("answer_text"),
    answerCertificateId: uuid("answer_certificate_id").references(() => certificate.id),
    /** FK's message id of an ärende that arrived through the transport or an upload (0009). */
    externalId: text("external_id").unique("fk_arende_external_id_unique"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("fk_arende_unit_patient_idx").on(t.unitId, t.patientId)],
);

/**
 * Audit events: append-only (triggers refuse UPDATE and DELETE; on PostgreSQL the application's
 * role has INSERT and SELECT only). Requests only insert them; the sealer (src/audit/sealer.ts)
 * chains them per unit with a keyed hash into `audit_seal`.
 */
export const auditEvent = pgTable(
  "audit_event",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    userId: uuid("user_id"),
    assignmentId: uuid("assignment_id"),
    role: text("role"),
    unitId: text("unit_id"),
    patientId: uuid("patient_id"),
    action: text("action").notNull(),
    purpose: text("purpose").notNull(),
    entity: text("entity"),
    entityId: text("entity_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** The inserting transaction (xid8, read as text): where the sealer looks for new events. */
    xid: xid8("xid")
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index("audit_event_unit_patient_idx").on(t.unitId, t.patientId, t.at),
    index("audit_event_xid_idx").on(t.xid),
  ],
);

/**
 * One seal per audit event, append-only: its place in its unit's chain and the HMAC over the
 * previous seal's hash and the event (the key is never in the database).
 */
export const auditSeal = pgTable(
  "audit_seal",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    chain: text("chain").notNull(),
    chainPos: bigint("chain_pos", { mode: "number" }).notNull(),
    hash: bytea("hash").notNull(),
    keyId: text("key_id").notNull(),
    sealedAt: timestamp("sealed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("audit_seal_chain_pos_key").on(t.chain, t.chainPos)],
);

/** Failed logins per source address, for the login rate limit (shared by all server processes). */
export const loginThrottle = pgTable(
  "login_throttle",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "string" }).notNull(),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" })
    .notNull()
    .default(sql`now()`),
});

/**
 * Messages to Försäkringskassan waiting for the transport. Written in the same transaction as the
 * certificate's change, delivered by the outbox worker (several processes: SKIP LOCKED).
 */
export const outboxMessage = pgTable(
  "outbox_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    certificateId: uuid("certificate_id").references(() => certificate.id),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<"PENDING" | "SENT" | "FAILED">().notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
    lastError: text("last_error"),
    externalRef: text("external_ref"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "string" }),
  },
  (t) => [index("outbox_message_pending_idx").on(t.status, t.nextAttemptAt)],
);

/** The history of an ärende: every registration, answer and status change, never overwritten. */
export const fkArendeEvent = pgTable(
  "fk_arende_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    arendeId: uuid("arende_id")
      .notNull()
      .references(() => fkArende.id),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    userId: uuid("user_id").references(() => appUser.id),
    event: text("event").notNull(),
    note: text("note"),
    certificateId: uuid("certificate_id").references(() => certificate.id),
  },
  (t) => [index("fk_arende_event_arende_idx").on(t.unitId, t.arendeId, t.at)],
);

// ---- Coordination (Lag 2019:1297): samtycke, aktualisering, kartläggande samtal, insatser, möten ----
// Written by src/coordination. History is never erased: triggers (0005_coordination.sql) refuse
// DELETE, a consent's recorded facts never change (only its withdrawal is added, once), and a
// completed kartläggande samtal is read-only.

/** Samtycke: to coordination, to the multimodal team, to informing Försäkringskassan — each its own row. */
export const consent = pgTable(
  "consent",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    kind: text("kind").$type<"KOORDINERING" | "TEAM" | "INFO_FK">().notNull(),
    obtainedBy: uuid("obtained_by")
      .notNull()
      .references(() => appUser.id),
    obtainedDate: date("obtained_date", { mode: "string" }).notNull(),
    method: text("method").$type<"MUNTLIGT" | "SKRIFTLIGT">().notNull(),
    scope: text("scope").notNull(),
    /** Last valid day (inclusive). */
    validTo: date("valid_to", { mode: "string" }).notNull(),
    withdrawnDate: date("withdrawn_date", { mode: "string" }),
    withdrawalNote: text("withdrawal_note"),
    withdrawnBy: uuid("withdrawn_by").references(() => appUser.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true, mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("consent_unit_patient_idx").on(t.unitId, t.patientId, t.kind)],
);

/** Kartläggande samtal: a draft (editable, versioned) until completed, then read-only. */
export const kartlaggandeSamtal = pgTable(
  "kartlaggande_samtal",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    /** The sjukfall it concerns (its start on the unit), when known. */
    caseStart: date("case_start", { mode: "string" }),
    samtalDate: date("samtal_date", { mode: "string" }).notNull(),
    heldBy: uuid("held_by")
      .notNull()
      .references(() => appUser.id),
    status: text("status").$type<"UTKAST" | "KLAR">().notNull().default("UTKAST"),
    workSituation: text("work_situation").notNull().default(""),
    health: text("health").notNull().default(""),
    socialSituation: text("social_situation").notNull().default(""),
    ownGoals: text("own_goals").notNull().default(""),
    obstacles: text("obstacles").notNull().default(""),
    coordinationNeed: text("coordination_need").notNull().default(""),
    outcome: text("outcome").$type<
      "AKTUALISERA_TEAM" | "KOORDINERA_UTAN_TEAM" | "INGEN_ATGARD" | "FORTSATT_KARTLAGGNING"
    >(),
    outcomeReason: text("outcome_reason").notNull().default(""),
    nextStep: text("next_step").notNull().default(""),
    nextStepDate: date("next_step_date", { mode: "string" }),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "string" }),
    completedBy: uuid("completed_by").references(() => appUser.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [index("kartlaggande_samtal_unit_patient_idx").on(t.unitId, t.patientId)],
);

/**
 * Aktualisering decisions per case (patient, unit, case start). A later decision supersedes the
 * current one (`supersedes_id`, a foreign key to this table); the unique indexes let only one
 * decision be first and only one supersede each, so concurrent deciders cannot fork the history.
 */
export const aktualiseringDecision = pgTable(
  "aktualisering_decision",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    caseStart: date("case_start", { mode: "string" }).notNull(),
    /** A certificate of the case when decided: the decision follows it when the start moves. */
    caseCertificateId: uuid("case_certificate_id").references(() => certificate.id),
    decision: text("decision")
      .$type<"AKTUALISERA_TEAM" | "KOORDINERA_UTAN_TEAM" | "INGEN_ATGARD">()
      .notNull(),
    reason: text("reason").notNull().default(""),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => appUser.id),
    decidedDate: date("decided_date", { mode: "string" }).notNull(),
    supersedesId: uuid("supersedes_id"),
    /** The kartläggande samtal that ended in this decision, if any. */
    samtalId: uuid("samtal_id").references(() => kartlaggandeSamtal.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("aktualisering_decision_unit_patient_idx").on(t.unitId, t.patientId, t.caseStart),
    uniqueIndex("aktualisering_decision_supersedes_key")
      .on(t.unitId, t.supersedesId)
      .where(sql`${t.supersedesId} IS NOT NULL`),
    uniqueIndex("aktualisering_decision_first_key")
      .on(t.unitId, t.patientId, t.caseStart)
      .where(sql`${t.supersedesId} IS NULL`),
  ],
);

/** Koordineringsinsats: exactly one of the law's three types; append-only. */
export const coordinationMeasure = pgTable(
  "coordination_measure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    type: text("type").$type<"PERSONLIGT_STOD" | "INTERN_SAMORDNING" | "SAMVERKAN">().notNull(),
    measureDate: date("measure_date", { mode: "string" }).notNull(),
    performedBy: uuid("performed_by")
      .notNull()
      .references(() => appUser.id),
    counterpart: text("counterpart").$type<
      | "ARBETSGIVARE"
      | "FORSAKRINGSKASSAN"
      | "ARBETSFORMEDLINGEN"
      | "SOCIALTJANST"
      | "FORETAGSHALSOVARD"
      | "ANNAN"
    >(),
    counterpartOther: text("counterpart_other").notNull().default(""),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("coordination_measure_unit_patient_idx").on(t.unitId, t.patientId, t.measureDate)],
);

/** Trepartsmöte / avstämningsmöte with external parties; append-only. */
export const coordinationMeeting = pgTable(
  "coordination_meeting",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    kind: text("kind").$type<"TREPARTSMOTE" | "AVSTAMNINGSMOTE">().notNull(),
    meetingDate: date("meeting_date", { mode: "string" }).notNull(),
    participants: jsonb("participants")
      .$type<{ name: string; role: string; party: string }[]>()
      .notNull()
      .default([]),
    notes: text("notes").notNull().default(""),
    followUpDate: date("follow_up_date", { mode: "string" }),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index("coordination_meeting_unit_patient_idx").on(t.unitId, t.patientId, t.meetingDate)],
);

// ---- Tasks (Uppgift, PRODUCT §2): the unit's work queue, written by the daily task job ----

/**
 * A task on a patient's case: a checkpoint reached, a decision due, a certificate ending … It ends
 * as done, not relevant (reason) or postponed (date), never silently. The key (unit, patient, case
 * start, kind, subject) makes the job idempotent; `subject` tells apart several tasks of one kind in
 * one case (the end date of an ending certificate, the ärende of an overdue komplettering).
 * responsible_user_id null: the unit's coordinator queue.
 */
export const task = pgTable(
  "task",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    caseStart: date("case_start", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull().default(""),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    responsibleUserId: uuid("responsible_user_id").references(() => appUser.id),
    status: text("status").$type<"OPEN" | "DONE" | "NOT_RELEVANT" | "POSTPONED">().notNull().default("OPEN"),
    reason: text("reason"),
    postponedTo: date("postponed_to", { mode: "string" }),
    note: text("note"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** Null: created by the task job. */
    createdBy: uuid("created_by").references(() => appUser.id),
    closedBy: uuid("closed_by").references(() => appUser.id),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("task_key").on(t.unitId, t.patientId, t.caseStart, t.kind, t.subject),
    index("task_unit_status_due_idx").on(t.unitId, t.status, t.dueDate),
    index("task_unit_responsible_idx").on(t.unitId, t.responsibleUserId, t.status),
  ],
);

/** The history of a task: created, done, not relevant, postponed — never overwritten. */
export const taskEvent = pgTable(
  "task_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    taskId: uuid("task_id")
      .notNull()
      .references(() => task.id),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    userId: uuid("user_id").references(() => appUser.id),
    event: text("event").notNull(),
    note: text("note"),
    date: date("date", { mode: "string" }),
  },
  (t) => [index("task_event_task_idx").on(t.unitId, t.taskId, t.at)],
);

// ---- Genomgång av pågående sjukskrivningar (PRODUCT §5.7): handovers and review marks ----

/**
 * Överlämning: doctor A's cases are followed up by doctor B from start to end (both inclusive)
 * during A's long absence. Ended early: `ended_on` is the last day it applied (the day before the
 * start: withdrawn before it began); the planned end stays for the history.
 */
export const handover = pgTable(
  "handover",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    fromDoctorId: uuid("from_doctor_id")
      .notNull()
      .references(() => appUser.id),
    toDoctorId: uuid("to_doctor_id")
      .notNull()
      .references(() => appUser.id),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    reason: text("reason").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => appUser.id),
    endedOn: date("ended_on", { mode: "string" }),
    endedBy: uuid("ended_by").references(() => appUser.id),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("handover_unit_from_idx").on(t.unitId, t.fromDoctorId, t.startDate),
    index("handover_unit_to_idx").on(t.unitId, t.toDoctorId, t.startDate),
  ],
);

/**
 * A review session's mark on a case whose certificate ends soon: återbesök bokat (optional visit
 * date) or förlängning ej aktuell (reason in `note`). Append-only: a new mark supersedes the
 * case's previous one. `case_end` is the end the mark was made for (a renewal gives a new end).
 */
export const reviewMark = pgTable(
  "review_mark",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    caseStart: date("case_start", { mode: "string" }).notNull(),
    caseEnd: date("case_end", { mode: "string" }).notNull(),
    anchorCertificateId: uuid("anchor_certificate_id")
      .notNull()
      .references(() => certificate.id),
    /** The case's doctor when marked (the anchor's signer). */
    doctorId: uuid("doctor_id").references(() => appUser.id),
    mark: text("mark").$type<"ATERBESOK_BOKAT" | "FORLANGNING_EJ_AKTUELL">().notNull(),
    visitDate: date("visit_date", { mode: "string" }),
    note: text("note").notNull().default(""),
    /** The CERTIFICATE_ENDING task the mark closed, if any. */
    taskId: uuid("task_id").references(() => task.id),
    markedBy: uuid("marked_by")
      .notNull()
      .references(() => appUser.id),
    supersedesId: uuid("supersedes_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("review_mark_unit_patient_idx").on(t.unitId, t.patientId, t.caseStart, t.createdAt),
    uniqueIndex("review_mark_supersedes_key")
      .on(t.unitId, t.supersedesId)
      .where(sql`${t.supersedesId} IS NOT NULL`),
    uniqueIndex("review_mark_first_key")
      .on(t.unitId, t.patientId, t.caseStart)
      .where(sql`${t.supersedesId} IS NULL`),
  ],
);

/**
 * Moved by the database (triggers of migration 0010) in every transaction that changes what a
 * unit's list shows; a server process keeps a unit's list while the version stays the same.
 */
export const unitDataVersion = pgTable("unit_data_version", {
  unitId: text("unit_id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull(),
});

/**
 * The listed population (listade patienter) per unit and month (`YYYY-MM`), by sex (F/M) and age
 * band (src/population/rules.ts): aggregate figures from the region's listing system, no patient
 * data; the denominator of sjuktal. Importing a month again replaces the unit's cells of it.
 */
export const listedPopulation = pgTable(
  "listed_population",
  {
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    month: text("month").notNull(),
    sex: text("sex").$type<"F" | "M">().notNull(),
    ageBand: text("age_band").notNull(),
    count: integer("count").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "listed_population_pkey", columns: [t.unitId, t.month, t.sex, t.ageBand] })],
);

/**
 * The chief's texts of the annual report (issue #10 item 5), per unit and report period
 * (`src/annual-report/periods.ts`): every save is a new version; the highest is current.
 * Texts about aggregated figures, no patient data.
 */
export const annualReportText = pgTable(
  "annual_report_text",
  {
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    period: text("period").notNull(),
    version: integer("version").notNull(),
    summary: text("summary").notNull().default(""),
    equality: text("equality").notNull().default(""),
    actions: text("actions").notNull().default(""),
    savedBy: uuid("saved_by")
      .notNull()
      .references(() => appUser.id),
    savedAt: timestamp("saved_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "annual_report_text_pk", columns: [t.unitId, t.period, t.version] })],
);
// ---- Rehabplan (PRODUCT §2, §5.6): written by src/rehabplan (migration 0018) ----

/**
 * The rehab plan of one sjukfall (unit, patient, case start): the current state, with `version`
 * for optimistic concurrency. `content` is the plan (src/rehabplan/rules.ts `PlanContent`). The
 * anchoring (förankrad med patienten) is recorded when the plan is fastställd.
 */
export const rehabPlan = pgTable(
  "rehab_plan",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    caseStart: date("case_start", { mode: "string" }).notNull(),
    status: text("status").$type<"UTKAST" | "FASTSTALLD" | "AVSLUTAD">().notNull().default("UTKAST"),
    content: jsonb("content").$type<PlanContent>().notNull(),
    anchoredDate: date("anchored_date", { mode: "string" }),
    anchoredMethod: text("anchored_method").$type<"BESOK" | "TELEFON" | "VIDEO">(),
    anchoredBy: uuid("anchored_by").references(() => appUser.id),
    /** The version the patient agreed to. */
    anchoredVersion: integer("anchored_version"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => appUser.id),
    savedBy: uuid("saved_by")
      .notNull()
      .references(() => appUser.id),
    savedAt: timestamp("saved_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("rehab_plan_case_key").on(t.unitId, t.patientId, t.caseStart),
    index("rehab_plan_unit_status_idx").on(t.unitId, t.status),
  ],
);

/** Every saved version of a plan, with its author and time; append-only. */
export const rehabPlanVersion = pgTable(
  "rehab_plan_version",
  {
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    planId: uuid("plan_id")
      .notNull()
      .references(() => rehabPlan.id),
    version: integer("version").notNull(),
    event: text("event")
      .$type<"SKAPAD" | "SPARAD" | "ATGARD_TILLAGD" | "FASTSTALLD" | "AVSLUTAD">()
      .notNull(),
    status: text("status").$type<"UTKAST" | "FASTSTALLD" | "AVSLUTAD">().notNull(),
    content: jsonb("content").$type<PlanContent>().notNull(),
    anchoredDate: date("anchored_date", { mode: "string" }),
    anchoredMethod: text("anchored_method").$type<"BESOK" | "TELEFON" | "VIDEO">(),
    anchoredBy: uuid("anchored_by").references(() => appUser.id),
    savedBy: uuid("saved_by")
      .notNull()
      .references(() => appUser.id),
    savedAt: timestamp("saved_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "rehab_plan_version_pk", columns: [t.unitId, t.planId, t.version] })],
);

/** The sick-leave brochure or the patient's version of a plan handed out to the patient; append-only. */
export const patientHandout = pgTable(
  "patient_handout",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    kind: text("kind").$type<"BROSCHYR" | "PLAN">().notNull(),
    planId: uuid("plan_id").references(() => rehabPlan.id),
    planVersion: integer("plan_version"),
    handedDate: date("handed_date", { mode: "string" }).notNull(),
    handedBy: uuid("handed_by")
      .notNull()
      .references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index("patient_handout_unit_patient_idx").on(t.unitId, t.patientId, t.handedDate)],
);

// ---- The multimodal team (issue #9): members, meetings, agenda, minutes, decisions ----

/** A unit's team: its recurring meeting times (weekday 1 = Monday … 7, "HH:MM"). */
export const team = pgTable("team", {
  unitId: text("unit_id")
    .primaryKey()
    .references(() => unit.id),
  meetingTimes: jsonb("meeting_times").$type<{ weekday: number; time: string }[]>().notNull().default([]),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by")
    .notNull()
    .references(() => appUser.id),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});

/** A standing member of the unit's team, by profession. */
export const teamMember = pgTable(
  "team_member",
  {
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    profession: text("profession").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "team_member_pk", columns: [t.unitId, t.userId] })],
);

/** A team meeting: planned, then closed (its minutes locked). Participants with attendance. */
export const teamMeeting = pgTable(
  "team_meeting",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    meetingDate: date("meeting_date", { mode: "string" }).notNull(),
    startTime: text("start_time").notNull(),
    status: text("status").$type<"PLANERAT" | "AVSLUTAT">().notNull().default("PLANERAT"),
    participants: jsonb("participants")
      .$type<{ userId: string; attended: boolean | null }[]>()
      .notNull()
      .default([]),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => appUser.id),
    closedBy: uuid("closed_by").references(() => appUser.id),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("team_meeting_unit_date_idx").on(t.unitId, t.meetingDate)],
);

/** A patient on a meeting's agenda, from an aktualisering decision or added by hand. */
export const teamAgendaItem = pgTable(
  "team_agenda_item",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => teamMeeting.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    caseStart: date("case_start", { mode: "string" }).notNull(),
    position: integer("position").notNull(),
    source: text("source").$type<"AKTUALISERING" | "MANUELL">().notNull(),
    decisionId: uuid("decision_id").references(() => aktualiseringDecision.id),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("team_agenda_item_meeting_patient_key").on(t.unitId, t.meetingId, t.patientId),
    index("team_agenda_item_decision_idx").on(t.unitId, t.decisionId),
  ],
);

/** The minutes of one agenda item: every save a dated version; after closing, a correction. */
export const teamMinutes = pgTable(
  "team_minutes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    itemId: uuid("item_id")
      .notNull()
      .references(() => teamAgendaItem.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    version: integer("version").notNull(),
    text: text("text").notNull(),
    /** Set when written after the meeting was closed: why the locked minutes were corrected. */
    correctionReason: text("correction_reason"),
    writtenBy: uuid("written_by")
      .notNull()
      .references(() => appUser.id),
    writtenAt: timestamp("written_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("team_minutes_item_version_key").on(t.unitId, t.itemId, t.version)],
);

/** A decision of the team about a patient: a task or a rehab-plan action, owner and date. */
export const teamDecision = pgTable(
  "team_decision",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => teamMeeting.id),
    itemId: uuid("item_id")
      .notNull()
      .references(() => teamAgendaItem.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    text: text("text").notNull(),
    outcome: text("outcome").$type<"UPPGIFT" | "PLANATGARD">().notNull(),
    responsibleUserId: uuid("responsible_user_id")
      .notNull()
      .references(() => appUser.id),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    taskId: uuid("task_id").references(() => task.id),
    planActionId: uuid("plan_action_id"),
    /** The samverkansmöte (coordination_meeting) where the decision is followed up. */
    samverkanMeetingId: uuid("samverkan_meeting_id").references(() => coordinationMeeting.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => appUser.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("team_decision_unit_meeting_idx").on(t.unitId, t.meetingId)],
);

/**
 * Precomputed statistics of one unit for one request (`src/statistics/snapshot.ts`): used only
 * while the unit's data version is the one they were computed at. Aggregates, no patient data.
 */
export const statisticsSnapshot = pgTable(
  "statistics_snapshot",
  {
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    requestKey: text("request_key").notNull(),
    computedFor: date("computed_for", { mode: "string" }).notNull(),
    dataVersion: text("data_version").notNull(),
    figures: jsonb("figures").$type<unknown>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "statistics_snapshot_pk", columns: [t.unitId, t.requestKey] })],
);

/**
 * Underlag från andra professioner (issue #9 item 7): a request to a fysioterapeut, psykolog,
 * kurator or arbetsterapeut for an underlag about function and activity, from a doctor, the team or
 * telephone triage, and its structured answer (which closes it). `receiver_id` null: the
 * profession's queue.
 */
export const underlagRequest = pgTable(
  "underlag_request",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    profession: text("profession")
      .$type<"FYSIOTERAPEUT" | "PSYKOLOG" | "KURATOR" | "ARBETSTERAPEUT">()
      .notNull(),
    origin: text("origin").$type<"LAKARE" | "TEAM" | "TELEFONTRIAGE">().notNull(),
    question: text("question").notNull(),
    wantedBy: date("wanted_by", { mode: "string" }).notNull(),
    /** Telephone triage: the need for sick leave as the nurse noted it. */
    sickLeaveNeed: text("sick_leave_need").notNull().default(""),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => appUser.id),
    requestedDate: date("requested_date", { mode: "string" }).notNull(),
    receiverId: uuid("receiver_id").references(() => appUser.id),
    status: text("status").$type<"OPEN" | "ANSWERED">().notNull().default("OPEN"),
    observations: text("observations").notNull().default(""),
    funktion: text("funktion").notNull().default(""),
    aktivitet: text("aktivitet").notNull().default(""),
    methods: text("methods").notNull().default(""),
    answeredBy: uuid("answered_by").references(() => appUser.id),
    answeredDate: date("answered_date", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    index("underlag_request_unit_patient_idx").on(t.unitId, t.patientId),
    index("underlag_request_unit_queue_idx").on(t.unitId, t.profession, t.status, t.wantedBy),
  ],
);

// ---- Rutiner och lathund (issue #11 item 1): staff routines, not patient data ----

/**
 * A routine of a unit, or of the region (`unit_id` null) for units to adopt. `text_version` counts
 * the Markdown text's versions (`routine_text`): a new text asks everyone who must read it again;
 * `version` guards every change (optimistic concurrency). `roles`: the roles that must read it.
 */
export const routine = pgTable(
  "routine",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    regionId: text("region_id")
      .notNull()
      .references(() => region.id),
    unitId: text("unit_id").references(() => unit.id),
    topic: text("topic").notNull(),
    title: text("title").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => appUser.id),
    reviewDate: date("review_date", { mode: "string" }).notNull(),
    roles: jsonb("roles").$type<string[]>().notNull().default([]),
    textVersion: integer("text_version").notNull().default(1),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index("routine_unit_idx").on(t.regionId, t.unitId)],
);

/** Every version of a routine's text (Markdown), never overwritten. */
export const routineText = pgTable(
  "routine_text",
  {
    routineId: uuid("routine_id")
      .notNull()
      .references(() => routine.id),
    textVersion: integer("text_version").notNull(),
    body: text("body").notNull(),
    savedBy: uuid("saved_by")
      .notNull()
      .references(() => appUser.id),
    savedAt: timestamp("saved_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "routine_text_pk", columns: [t.routineId, t.textVersion] })],
);

/** A unit's adoption of a regional routine: it joins the unit's library. */
export const routineAdoption = pgTable(
  "routine_adoption",
  {
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    routineId: uuid("routine_id")
      .notNull()
      .references(() => routine.id),
    adoptedBy: uuid("adopted_by")
      .notNull()
      .references(() => appUser.id),
    adoptedAt: timestamp("adopted_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "routine_adoption_pk", columns: [t.unitId, t.routineId] })],
);

/** "Jag har läst och förstått": one per user and text version (a new version asks again). */
export const routineConfirmation = pgTable(
  "routine_confirmation",
  {
    routineId: uuid("routine_id")
      .notNull()
      .references(() => routine.id),
    textVersion: integer("text_version").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    /** The unit the user confirmed on. */
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "routine_confirmation_pk", columns: [t.routineId, t.textVersion, t.userId] })],
);

/** A first-day checklist item a substitute ticked (issue #11 item 2), per unit and user. */
export const introductionTick = pgTable(
  "introduction_tick",
  {
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    item: text("item").notNull(),
    tickedAt: timestamp("ticked_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "introduction_tick_pk", columns: [t.unitId, t.userId, t.item] })],
);

// ---- Avvikelser (issue #11 item 3) ----

/**
 * A deviation from the sick-leave process: category, the day it happened, the reporter, an
 * optional patient and certificate (then patient data: reached only through unit-scoped queries,
 * every access audited), the investigation and the "consider lex Maria" flag. Workflow: NY →
 * UNDER_UTREDNING → ATGARDAD → AVSLUTAD (`src/deviations/rules.ts`).
 */
export const deviation = pgTable(
  "deviation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    category: text("category").notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    reportedBy: uuid("reported_by")
      .notNull()
      .references(() => appUser.id),
    patientId: uuid("patient_id").references(() => patient.id),
    certificateId: uuid("certificate_id").references(() => certificate.id),
    description: text("description").notNull(),
    status: text("status").notNull().default("NY"),
    investigation: text("investigation").notNull().default(""),
    lexMaria: boolean("lex_maria").notNull().default(false),
    closedOn: date("closed_on", { mode: "string" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("deviation_unit_occurred_idx").on(t.unitId, t.occurredOn)],
);

/** An action decided for a deviation: what, who owns it, by when, and when it was done. */
export const deviationAction = pgTable(
  "deviation_action",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    deviationId: uuid("deviation_id")
      .notNull()
      .references(() => deviation.id),
    description: text("description").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => appUser.id),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    doneOn: date("done_on", { mode: "string" }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index("deviation_action_deviation_idx").on(t.unitId, t.deviationId)],
);

/** The workflow's history: every status a deviation entered, by whom and when. */
export const deviationEvent = pgTable(
  "deviation_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    deviationId: uuid("deviation_id")
      .notNull()
      .references(() => deviation.id),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    userId: uuid("user_id")
      .notNull()
      .references(() => appUser.id),
    status: text("status").notNull(),
    note: text("note"),
  },
  (t) => [index("deviation_event_deviation_idx").on(t.unitId, t.deviationId, t.at)],
);

/**
 * The rehabkoordinator's status per case of the unit list (issue #12): append-only, each change a
 * new row with the next version of its case; linked to a certificate of the case
 * (src/cases/case-link.ts) so it follows the case when the start moves.
 */
export const coordinatorCaseStatus = pgTable(
  "coordinator_case_status",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: text("unit_id")
      .notNull()
      .references(() => unit.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patient.id),
    caseStart: date("case_start", { mode: "string" }).notNull(),
    caseCertificateId: uuid("case_certificate_id").references(() => certificate.id),
    status: text("status").$type<"EJ_KONTAKTAD" | "KONTAKTAD" | "AKTIV" | "AVSLUTAD">().notNull(),
    version: integer("version").notNull(),
    setBy: uuid("set_by")
      .notNull()
      .references(() => appUser.id),
    setAt: timestamp("set_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("coordinator_case_status_version_key").on(t.unitId, t.patientId, t.caseStart, t.version),
  ],
);
