/**
 * The one place handlers ask "may this actor do this here?". Patient data additionally needs an
 * active unit: the answer is scoped to it, and other units' rows do not exist (404).
 */
import type { Actor, ActorAssignment } from "./actor.ts";
import { grantFor } from "./actor.ts";
import type { Capability } from "./policy.ts";
import { requireActor } from "../auth/middleware.ts";
import { errors } from "../server/errors.ts";

export interface Authorized {
  actor: Actor;
  grant: ActorAssignment;
}

export interface UnitAuthorized extends Authorized {
  unitId: string;
}

export function authorize(c: { var: { actor: Actor | null } }, capability: Capability): Authorized {
  const actor = requireActor(c);
  const grant = grantFor(actor, capability);
  if (!grant) throw errors.forbidden();
  return { actor, grant };
}

export function authorizeOnUnit(c: { var: { actor: Actor | null } }, capability: Capability): UnitAuthorized {
  const actor = requireActor(c);
  if (!actor.unitId) throw errors.noUnit();
  const { grant } = authorize(c, capability);
  return { actor, grant, unitId: actor.unitId };
}

/** The first capability of `options` the actor holds on the active unit, or 403. */
export function authorizeOnUnitAny(
  c: { var: { actor: Actor | null } },
  options: readonly Capability[],
): UnitAuthorized & { capability: Capability } {
  const actor = requireActor(c);
  if (!actor.unitId) throw errors.noUnit();
  for (const capability of options) {
    const grant = grantFor(actor, capability);
    if (grant) return { actor, grant, unitId: actor.unitId, capability };
  }
  throw errors.forbidden();
}
