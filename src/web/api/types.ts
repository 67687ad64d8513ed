/** The shapes the HTTP API answers with (see BRIEF "HTTP API" and the OpenAPI document). */

import type { Capability } from "../../access/policy.ts";

export type { Capability };

export type { AuthConfig, Me, RoleRef } from "../../auth/schema.ts";

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
