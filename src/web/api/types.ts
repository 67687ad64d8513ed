/** The shapes the HTTP API answers with (see BRIEF "HTTP API" and the OpenAPI document). */

export type Capability =
  | "patient.search"
  | "patient.read"
  | "patient.write"
  | "patient.log-extract"
  | "certificate.draft"
  | "certificate.sign"
  | "arende.register"
  | "arende.answer"
  | "certificate.import"
  | "audit.review"
  | "unit.users"
  | "region.units"
  | "region.users"
  | "policy.read"
  | "statistics.unit"
  | "statistics.region"
  | "consent.record"
  | "coordination.read"
  | "coordination.write"
  | "cases.list"
  | "cases.list-own"
  | "task.work"
  | "task.unit"
  | "review.run"
  | "review.unit"
  | "handover.manage";

export interface AuthConfig {
  mode: "demo" | "production";
  passwordLogin: boolean;
  oidc: boolean;
}

export interface RoleRef {
  role: string;
  label: string;
}

export interface Me {
  user: { id: string; username: string; displayName: string; title: string };
  unit: { id: string; name: string } | null;
  units: { id: string; name: string; roles: RoleRef[] }[];
  roles: string[];
  capabilities: Capability[];
  csrfToken: string;
  authMode: "demo" | "production";
  /** The server's calendar day (ÅÅÅÅ-MM-DD): the one "today" of the web app. */
  today: string;
}

export type Sex = "F" | "M";

export interface PatientSummary {
  id: string;
  personnummer: string;
  name: string;
  sex: Sex;
  age: number;
  protectedIdentity: boolean;
  listed: boolean;
}

export interface PatientSearchResult {
  patients: PatientSummary[];
  total: number;
  truncated: boolean;
}

export interface Patient {
  id: string;
  personnummer: string;
  samordningsnummer: boolean;
  givenName: string;
  familyName: string;
  sex: Sex;
  birthDate: string;
  age: number;
  protectedIdentity: boolean;
  listingUnit: { id: string; name: string } | null;
  firstDayCertificateUntil: string | null;
  version: number;
}

export interface NewPatient {
  personnummer: string;
  givenName: string;
  familyName: string;
  protectedIdentity?: boolean;
  listed?: boolean;
}

export interface PatientChanges {
  version: number;
  givenName?: string;
  familyName?: string;
  protectedIdentity?: boolean;
  listed?: boolean;
  firstDayCertificateUntil?: string | null;
}

export interface AccessEvent {
  at: string;
  user: string;
  role: string | null;
  action: string;
  actionLabel: string;
  purpose: string;
}

export interface Unit {
  id: string;
  name: string;
  hsaId: string | null;
  postalAddress: string;
  postalCode: string;
  town: string;
  phone: string;
  active: boolean;
  version: number;
}

export interface UnitFields {
  name: string;
  postalAddress: string;
  postalCode: string;
  town: string;
  phone: string;
  hsaId: string | null;
}

export interface NewUnit extends UnitFields {
  id: string;
}

export interface UnitChanges extends Partial<UnitFields> {
  version: number;
  active?: boolean;
}

export interface Assignment {
  id: string;
  unitId: string;
  unitName: string;
  role: string;
  roleLabel: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  title: string;
  hsaId: string | null;
  active: boolean;
  locked?: boolean;
  version: number;
  assignments: Assignment[];
}

export interface NewUser {
  username: string;
  displayName: string;
  title: string;
  hsaId?: string | null;
  password?: string;
}

export interface NewAssignment {
  userId: string;
  unitId: string;
  role: string;
}

export interface Policy {
  roles: { id: string; label: string }[];
  capabilities: { id: string; label: string }[];
  grants: { role: string; capability: string; justification: string }[];
  /** Who may give which roles, where (separation of duties). */
  assignmentRules: {
    by: Capability;
    scope: "active-unit" | "region";
    roles: string[];
    justification: string;
  }[];
}

/** A grant of a role that opens patient data on the unit (from the audit log). */
export interface PatientDataGrant {
  at: string;
  assignmentId: string | null;
  role: string;
  roleLabel: string;
  userId: string | null;
  user: string;
  grantedById: string | null;
  grantedBy: string;
  removed: boolean;
}

/** One event of the incident timeline (GET /api/audit/timeline). */
export interface TimelineEvent {
  seq: number;
  at: string;
  userId: string | null;
  user: string;
  role: string | null;
  patientId: string | null;
  personnummer: string | null;
  patientName: string | null;
  action: string;
  actionLabel: string;
  purpose: string;
  entity: string | null;
  entityId: string | null;
}

export interface IncidentTimeline {
  from: string;
  to: string;
  events: TimelineEvent[];
  truncated: boolean;
}
