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

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

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
    answerKind: text("answer_kind"),
    answerText: text("answer_text"),
    answerCertificateId: uuid("answer_certificate_id").references(() => certificate.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("fk_arende_unit_patient_idx").on(t.unitId, t.patientId)],
);

/**
 * Audit events: append-only (triggers refuse UPDATE and DELETE) and hash-chained per chain
 * (one chain per unit, plus "-" for events without a unit). The hash is computed by the
 * database trigger, so no writer can forget it.
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
    chain: text("chain").notNull().default("-"),
    /** Position in the chain, assigned under the chain lock (seq order may differ under concurrency). */
    chainPos: bigint("chain_pos", { mode: "number" }).notNull().default(0),
    prevHash: bytea("prev_hash"),
    hash: bytea("hash"),
  },
  (t) => [
    index("audit_event_unit_patient_idx").on(t.unitId, t.patientId, t.at),
    index("audit_event_chain_idx").on(t.chain, t.seq),
  ],
);

export const auditChainHead = pgTable("audit_chain_head", {
  chain: text("chain").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: bytea("hash").notNull(),
  count: bigint("count", { mode: "number" }).notNull(),
});

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
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
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
