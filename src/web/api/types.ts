/** The shapes the HTTP API answers with (see BRIEF "HTTP API" and the OpenAPI document). */

import type { Capability } from "../../access/policy.ts";

export type { Capability };

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
export type { PatientDataGrant } from "../../org/schema.ts";
export type { IncidentTimeline, TimelineEvent } from "../../audit/schema.ts";
