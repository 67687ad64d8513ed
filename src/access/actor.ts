/**
 * The person acting in a request: a user working on one unit, with the roles (assignments)
 * they hold there. Capabilities come from the policy; the assignment that grants one is what the
 * audit log records.
 */
import { capabilitiesOf, type Capability, type Role } from "./policy.ts";

export interface ActorAssignment {
  id: string;
  role: Role;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  /** The unit the user works on now; null when the user has no assignment anywhere. */
  unitId: string | null;
  /** The user's assignments on the active unit. */
  assignments: ActorAssignment[];
}

/** The assignment that grants a capability on the active unit, or null. */
export function grantFor(actor: Actor, capability: Capability): ActorAssignment | null {
  return actor.assignments.find((a) => capabilitiesOf(a.role).has(capability)) ?? null;
}

export function can(actor: Actor, capability: Capability): boolean {
  return grantFor(actor, capability) !== null;
}

export function capabilitiesOfActor(actor: Actor): Capability[] {
  const all = new Set<Capability>();
  for (const a of actor.assignments) for (const c of capabilitiesOf(a.role)) all.add(c);
  return [...all].sort();
}
