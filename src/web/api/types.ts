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
}

export type {
  AccessEvent,
  NewPatient,
  Patient,
  PatientChanges,
  PatientSearchResult,
  PatientSummary,
  Sex,
} from "../../patients/schema.ts";
export type {
  Assignment,
  NewAssignment,
  NewUnit,
  NewUser,
  Policy,
  Unit,
  UnitChanges,
  User,
} from "../../org/schema.ts";
