/**
 * The demo region's routine library: the regional routines (owned by the region's analyst,
 * adopted by every unit) and each unit's own, dated from today, with confirmations that show
 * every state — confirmed, a new version to confirm again, not confirmed — and one review due.
 */
import type { routine, routineAdoption, routineConfirmation, routineText } from "../db/schema.ts";
import { demoRoutines } from "./routine-texts.ts";
import type { Random } from "./random.ts";
import { swedishTimestamp } from "./time.ts";
import { isoDate } from "../cases/days.ts";

export type RoutineRecord =
  | { table: "routine"; row: typeof routine.$inferInsert }
  | { table: "routineText"; row: typeof routineText.$inferInsert }
  | { table: "routineAdoption"; row: typeof routineAdoption.$inferInsert }
  | { table: "routineConfirmation"; row: typeof routineConfirmation.$inferInsert };

export interface RoutineStaff {
  id: string;
  role: string;
}

/** Written a year ago; a new text (when there is one) two months ago. */
const WRITTEN_DAYS_AGO = 365;
const REWRITTEN_DAYS_AGO = 60;

export function* demoRoutineRecords(options: {
  random: Random;
  today: number;
  regionId: string;
  analystId: string;
  units: readonly { id: string; staff: readonly RoutineStaff[] }[];
}): Generator<RoutineRecord, void, undefined> {
  const { random, today } = options;
  const at = (daysAgo: number, minute = 9 * 60) => swedishTimestamp(today - daysAgo, minute);
  const owners = (staff: readonly RoutineStaff[]) => {
    const find = (role: string) => staff.find((s) => s.role === role)!.id;
    return { chief: find("ENHETSCHEF"), mlu: find("MLU") };
  };

  const regional = demoRoutines.filter((r) => r.regional);
  const regionalIds: string[] = [];
  for (const spec of regional) {
    const id = random.uuid();
    regionalIds.push(id);
    yield* versions(id, spec, { regionId: options.regionId, unitId: null, ownerId: options.analystId });
  }

  for (const [index, unit] of options.units.entries()) {
    const { chief, mlu } = owners(unit.staff);
    for (const routineId of regionalIds) {
      yield {
        table: "routineAdoption",
        row: { unitId: unit.id, routineId, adoptedBy: chief, adoptedAt: at(WRITTEN_DAYS_AGO - 7) },
      };
    }
    const own = demoRoutines.filter((r) => !r.regional);
    const ownIds: string[] = [];
    for (const spec of own) {
      const id = random.uuid();
      ownIds.push(id);
      yield* versions(id, spec, {
        regionId: options.regionId,
        unitId: unit.id,
        ownerId: spec.roles.includes("MLU") ? mlu : chief,
      });
    }
    // Staff confirm: most everything; the unit's second doctor ("b") and every third staff
    // member only the earlier version or nothing, so the chief sees who is missing.
    const specs = [
      ...regional.map((s, i) => [s, regionalIds[i]!] as const),
      ...own.map((s, i) => [s, ownIds[i]!] as const),
    ];
    for (const [staffIndex, member] of unit.staff.entries()) {
      for (const [specIndex, [spec, routineId]] of specs.entries()) {
        if (!spec.roles.some((role) => role === member.role)) continue;
        const lagging = (staffIndex + specIndex + index) % 3 === 0;
        const current = spec.earlier ? 2 : 1;
        const version = lagging ? (spec.earlier ? 1 : null) : current;
        if (version === null) continue;
        const daysAgo = version === 1 ? WRITTEN_DAYS_AGO - 20 : REWRITTEN_DAYS_AGO - 10;
        yield {
          table: "routineConfirmation",
          row: {
            routineId,
            textVersion: version,
            userId: member.id,
            unitId: unit.id,
            confirmedAt: at(daysAgo, 8 * 60 + staffIndex),
          },
        };
      }
    }
  }

  function* versions(
    id: string,
    spec: (typeof demoRoutines)[number],
    where: { regionId: string; unitId: string | null; ownerId: string },
  ): Generator<RoutineRecord> {
    const textVersion = spec.earlier ? 2 : 1;
    yield {
      table: "routine",
      row: {
        id,
        regionId: where.regionId,
        unitId: where.unitId,
        topic: spec.topic,
        title: spec.title,
        ownerId: where.ownerId,
        reviewDate: isoDate(today + spec.reviewInDays),
        roles: spec.roles,
        textVersion,
        version: textVersion,
        createdBy: where.ownerId,
        createdAt: at(WRITTEN_DAYS_AGO),
      },
    };
    if (spec.earlier) {
      yield {
        table: "routineText",
        row: {
          routineId: id,
          textVersion: 1,
          body: spec.earlier,
          savedBy: where.ownerId,
          savedAt: at(WRITTEN_DAYS_AGO),
        },
      };
    }
    yield {
      table: "routineText",
      row: {
        routineId: id,
        textVersion,
        body: spec.body,
        savedBy: where.ownerId,
        savedAt: at(spec.earlier ? REWRITTEN_DAYS_AGO : WRITTEN_DAYS_AGO),
      },
    };
  }
}
