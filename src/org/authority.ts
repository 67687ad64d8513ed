/**
 * Separation of duties for user administration (PRODUCT §8), applied by the organisation routes:
 * nobody administers themself, a role is given or taken back only under an assignment rule of the
 * policy, and a user's credentials change only under authority over every role they hold.
 */
import { capabilitiesOfActor, type Actor } from "../access/actor.ts";
import { assignmentRuleFor, roles, isRole, type AssignmentRule, type Role } from "../access/policy.ts";
import type { Queryable } from "../db/client.ts";
import { ApiError } from "../server/errors.ts";
import { assignmentsOfUser } from "./store.ts";

const texts = {
  self: "Du kan inte ändra dina egna uppdrag eller inloggningsuppgifter. Be en annan administratör.",
  role: (role: string) => `Du får inte ge eller ta bort rollen ${role} på den enheten.`,
  user: "Användaren har uppdrag som du inte administrerar. Be regionens administratör.",
};

export function refuseSelf(actor: Actor, userId: string): void {
  if (actor.userId === userId) throw new ApiError(403, "SELF_ADMINISTRATION", texts.self);
}

/** The rule under which the actor gives or takes back `role` on `unitId`, or 403. */
export function requireAssignmentRule(actor: Actor, role: string, unitId: string): AssignmentRule {
  const rule = isRole(role)
    ? assignmentRuleFor(new Set(capabilitiesOfActor(actor)), actor.unitId, role, unitId)
    : null;
  if (!rule) throw new ApiError(403, "FORBIDDEN", texts.role(isRole(role) ? roles[role] : role));
  return rule;
}

/**
 * Authority over a user: the actor could have given every role the user holds, on its unit. A unit
 * chief thus changes the credentials of their own staff only, never a colleague on another unit,
 * another chief or the region's administrator.
 */
export async function requireAuthorityOver(q: Queryable, actor: Actor, userId: string): Promise<void> {
  refuseSelf(actor, userId);
  for (const held of await assignmentsOfUser(q, userId)) {
    const rule = isRole(held.role)
      ? assignmentRuleFor(new Set(capabilitiesOfActor(actor)), actor.unitId, held.role as Role, held.unitId)
      : null;
    if (!rule) throw new ApiError(403, "FORBIDDEN", texts.user);
  }
}
