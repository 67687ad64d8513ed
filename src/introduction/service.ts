/**
 * The first-day package: the unit's library routines (own and adopted) with the newcomer's
 * confirmations, the ticked items and the unit's contacts; and the chief's overview of every
 * substitute's progress.
 */
import { isRole, roles } from "../access/policy.ts";
import type { Queryable } from "../db/client.ts";
import { findUnit } from "../org/store.ts";
import { confirmationState } from "../routines/rules.ts";
import { confirmationsOf, regionOfUnit, routinesVisibleTo, unitStaff } from "../routines/store.ts";
import { engagements, firstDayChecklist, progressOf } from "./rules.ts";
import type { MyIntroduction, UnitIntroductions } from "./schema.ts";
import { substitutesOn, ticksOf } from "./store.ts";

/** Who a newcomer turns to (the unit's phone is beside them). */
const contactRoles = ["REHABKOORDINATOR", "ENHETSCHEF", "MLU"];

interface Scope {
  unitId: string;
  today: string;
}

/** Each user's checklist on the unit, from one read of the library and the confirmations. */
async function checklists(q: Queryable, scope: Scope, users: { userId: string; roles: string[] }[]) {
  const rows = await routinesVisibleTo(q, scope.unitId, await regionOfUnit(q, scope.unitId));
  const library = rows.filter((r) => r.row.unitId !== null || r.adoptedAt !== null).map((r) => r.row);
  const ids = users.map((u) => u.userId);
  const confirmations = await confirmationsOf(
    q,
    library.map((r) => r.id),
    ids,
  );
  const ticks = await ticksOf(q, scope.unitId, ids);
  return new Map(
    users.map((user) => {
      const routines = library.map((r) => ({
        id: r.id,
        title: r.title,
        topic: r.topic,
        roles: r.roles,
        state: confirmationState(
          r.textVersion,
          confirmations
            .filter((c) => c.routineId === r.id && c.userId === user.userId)
            .map((c) => c.textVersion),
        ),
      }));
      const ticked = new Set(ticks.filter((t) => t.userId === user.userId).map((t) => t.item));
      return [user.userId, firstDayChecklist(routines, user.roles, ticked)] as const;
    }),
  );
}

export async function myIntroduction(
  q: Queryable,
  scope: Scope & { userId: string },
): Promise<MyIntroduction> {
  const unit = (await findUnit(q, scope.unitId))!;
  const staff = await unitStaff(q, scope.unitId, scope.today);
  const [me] = await substitutesOn(q, scope.unitId, scope.today, scope.userId);
  const contacts = staff.flatMap((member) =>
    member.roles
      .filter((role) => contactRoles.includes(role))
      .map((role) => ({ name: member.name, role, roleLabel: isRole(role) ? roles[role] : role })),
  );
  const base = { unit: { name: unit.name, phone: unit.phone }, contacts };
  if (!me) return { engagement: null, engagementLabel: null, items: [], done: 0, total: 0, ...base };
  const myRoles = staff.find((m) => m.userId === scope.userId)?.roles ?? [];
  const items = (await checklists(q, scope, [{ userId: scope.userId, roles: myRoles }])).get(scope.userId)!;
  return {
    engagement: me.engagement,
    engagementLabel: engagements[me.engagement],
    items,
    ...progressOf(items),
    ...base,
  };
}

export async function unitIntroductions(q: Queryable, scope: Scope): Promise<UnitIntroductions> {
  const substitutes = await substitutesOn(q, scope.unitId, scope.today);
  const staff = await unitStaff(q, scope.unitId, scope.today);
  const lists = await checklists(
    q,
    scope,
    substitutes.map((s) => ({
      userId: s.userId,
      roles: staff.find((m) => m.userId === s.userId)?.roles ?? [],
    })),
  );
  return {
    substitutes: substitutes.map((s) => {
      const items = lists.get(s.userId) ?? [];
      return {
        ...s,
        engagementLabel: engagements[s.engagement],
        ...progressOf(items),
        missing: items.filter((i) => !i.done).map((i) => i.label),
      };
    }),
  };
}
