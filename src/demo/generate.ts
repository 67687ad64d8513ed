/**
 * The demo region as a stream of rows: pure (no I/O, no clock — `today` and the personnummer
 * list are inputs) and deterministic for a seed and today. Rows come in an order that respects
 * the foreign keys (organisation, users, then unit by unit: patients, then their cases), and
 * only one patient's cases are held at a time, so a million certificates stream in little memory.
 *
 * Default: three health centres of ~3,000 stored patients with two years of certificates.
 * `certificates: N`: exactly N certificates over five years on as many units as that needs
 * (~20,000 per unit of ~8,000 listed — PRODUCT §7 designs for ~40 units and ~1 M certificates
 * over 5 years); units reuse test personnummer, which is allowed since patients are per unit.
 * Every unit also gets its listed population (8,000–15,000, ./population.ts) for every month of
 * the plan's years up to today's month: the stored patients are a sample of the listed ones.
 */
import { dayNumber, isoDate, isIsoDate } from "../cases/days.ts";
import type { appUser, assignment, careProvider, patient, region, unit } from "../db/schema.ts";
import { monthOf } from "../population/rules.ts";
import {
  generateCase,
  type ArendeEventRow,
  type ArendeRow,
  type Budget,
  type CertificateRow,
} from "./cases.ts";
import {
  demoCareProvider,
  demoRegion,
  demoUnit,
  personHsaId,
  regionStaff,
  staffName,
  unitStaff,
  type DemoUnit,
} from "./organisation.ts";
import { personPool, personTraits, type Person } from "./people.ts";
import { listedPopulationRows, type ListedPopulationRow } from "./population.ts";
import { Random } from "./random.ts";
import { teamCandidatesPerUnit, teamDemo, type TeamCandidate, type TeamDemoRecord } from "./team.ts";
import { demoRoutineRecords, type RoutineRecord } from "./routines.ts";
import { demoPlanRecords, type PlanRecord, type PlanUnit } from "./rehabplans.ts";
import { underlagDemo, type UnderlagDemoRecord } from "./underlag.ts";
import { demoDeviationRecords, type DeviationRecord } from "./deviations.ts";

export interface DemoOptions {
  seed: string;
  /** ISO date the data ends around (the loader passes today in Europe/Stockholm). */
  today: string;
  /** Skatteverket's test personnummer (ÅÅÅÅMMDD-NNNN). */
  personnummer: readonly string[];
  /** One password hash for every account (hashing is slow on purpose; once is enough for a demo). */
  passwordHash: string;
  /** Scale to exactly this many certificates; default: the three-unit demo region. */
  certificates?: number;
}

export type DemoRecord =
  | { table: "region"; row: typeof region.$inferInsert }
  | { table: "careProvider"; row: typeof careProvider.$inferInsert }
  | { table: "unit"; row: typeof unit.$inferInsert }
  | { table: "listedPopulation"; row: ListedPopulationRow }
  | { table: "appUser"; row: typeof appUser.$inferInsert }
  | { table: "assignment"; row: typeof assignment.$inferInsert }
  | { table: "patient"; row: typeof patient.$inferInsert }
  | { table: "certificate"; row: CertificateRow }
  | { table: "fkArende"; row: ArendeRow }
  | { table: "fkArendeEvent"; row: ArendeEventRow }
  | TeamDemoRecord
  | RoutineRecord
  | PlanRecord
  | UnderlagDemoRecord
  | DeviationRecord;

export type DemoTable = DemoRecord["table"];
type UserRecord = Extract<DemoRecord, { table: "appUser" }>;

export interface DemoPlan {
  units: number;
  listedPerUnit: number;
  years: number;
  /** Certificates per unit, or null for the natural amount. */
  quotas: number[] | null;
}

export const defaultSeed = "samsyn";
export const scaledCertificatesPerUnit = 20_000;
const maxListedPerUnit = 8_500;

/**
 * Certificates per listed patient and year that the case model produces (measured over many
 * seeds; the scaled region asks for ~25 % more patients than this implies so every unit reaches
 * its quota).
 */
export const certificatesPerListedYear = 0.8;

export function demoPlan(certificates?: number): DemoPlan {
  if (certificates === undefined) return { units: 3, listedPerUnit: 3_000, years: 2, quotas: null };
  if (!Number.isInteger(certificates) || certificates < 1) throw new RangeError("certificates must be ≥ 1");
  const units = Math.max(3, Math.ceil(certificates / scaledCertificatesPerUnit));
  const years = 5;
  const quotas = Array.from(
    { length: units },
    (_, i) => Math.floor(certificates / units) + (i < certificates % units ? 1 : 0),
  );
  const needed = Math.ceil(((quotas[0]! / (certificatesPerListedYear * years)) * 1.25) / 10) * 10;
  return { units, listedPerUnit: Math.min(maxListedPerUnit, Math.max(40, needed)), years, quotas };
}

/** Sick-leave cases per year for an average working-age woman and man (women ≈ 2/3 of cases). */
const caseRate = { F: 0.96, M: 0.48 };

interface Staff {
  id: string;
  username: string;
  role: string;
}

function unitRow(u: DemoUnit): typeof unit.$inferInsert {
  return {
    id: u.id,
    careProviderId: demoCareProvider.id,
    name: u.name,
    hsaId: u.hsaId,
    postalAddress: u.postalAddress,
    postalCode: u.postalCode,
    town: u.town,
    phone: u.phone,
  };
}

function* organisation(random: Random, plan: DemoPlan, passwordHash: string) {
  yield { table: "region", row: demoRegion } satisfies DemoRecord;
  yield { table: "careProvider", row: { ...demoCareProvider, regionId: demoRegion.id } } satisfies DemoRecord;
  const units = Array.from({ length: plan.units }, (_, i) => demoUnit(i));
  for (const u of units) yield { table: "unit", row: unitRow(u) } satisfies DemoRecord;

  let sequence = 0;
  const user = (username: string, displayName: string, title: string): UserRecord => ({
    table: "appUser",
    row: { id: random.uuid(), username, displayName, title, hsaId: personHsaId(sequence++), passwordHash },
  });
  let analystId = "";
  for (const staff of regionStaff) {
    const record = user(staff.username, staff.displayName, staff.title);
    yield record;
    if (staff.role === "REGIONANALYTIKER") analystId = record.row.id!;
    for (const u of units) {
      yield {
        table: "assignment",
        row: { id: random.uuid(), userId: record.row.id!, unitId: u.id, role: staff.role },
      } satisfies DemoRecord;
    }
  }
  const staffByUnit: Staff[][] = [];
  for (const [index, u] of units.entries()) {
    const names = random.fork(`staff/${index}`);
    const list: Staff[] = [];
    for (const [staffIndex, spec] of unitStaff.entries()) {
      const username = `${spec.prefix}${index + 1}${spec.suffix}`;
      const record = user(username, staffName(index, staffIndex, names), spec.title);
      yield record;
      yield {
        table: "assignment",
        row: { id: random.uuid(), userId: record.row.id!, unitId: u.id, role: spec.role },
      } satisfies DemoRecord;
      list.push({ id: record.row.id!, username, role: spec.role });
    }
    staffByUnit.push(list);
  }
  return { units, staffByUnit, analystId };
}

function patientRow(id: string, unitId: string, person: Person, seed: string, today: number, random: Random) {
  const traits = personTraits(seed, person);
  // A förstadagsintyg decision runs for a while: most still valid, some already expired.
  const firstDayUntil = traits.firstDayCertificate
    ? isoDate(today + (random.chance(0.8) ? random.int(30, 365) : -random.int(1, 200)))
    : null;
  const row: typeof patient.$inferInsert = {
    id,
    unitId,
    personnummer: person.personnummer,
    samordningsnummer: person.samordningsnummer,
    sex: person.sex,
    birthDate: person.birthDate,
    givenName: traits.givenName,
    familyName: traits.familyName,
    protectedIdentity: traits.protectedIdentity,
    listingUnitId: unitId,
    firstDayCertificateUntil: firstDayUntil,
    version: 1,
  };
  return { row, proneness: traits.proneness };
}

export function* generateDemo(options: DemoOptions): Generator<DemoRecord, void, undefined> {
  if (!isIsoDate(options.today)) throw new RangeError(`today must be an ISO date (got "${options.today}")`);
  const plan = demoPlan(options.certificates);
  const today = dayNumber(options.today);
  const windowStart = today - Math.round(plan.years * 365.25);
  const root = new Random(`${options.seed}/${options.today}`);
  const pool = root.fork("pool").shuffle(personPool(options.personnummer));
  if (pool.length === 0) throw new RangeError("the personnummer list is empty");

  const { units, staffByUnit, analystId } = yield* organisation(
    root.fork("organisation"),
    plan,
    options.passwordHash,
  );
  // Its own stream: the routines never move the patients or certificates.
  yield* demoRoutineRecords({
    random: root.fork("routines"),
    today,
    regionId: demoRegion.id,
    analystId,
    units: units.map((u, index) => ({ id: u.id, staff: staffByUnit[index]! })),
  });

  for (const [index, u] of units.entries()) {
    // Its own stream: the population figures never move the patients or certificates.
    const population = root.fork(`population/${index}`);
    for (const row of listedPopulationRows(population, u.id, monthOf(options.today), plan.years * 12)) {
      yield { table: "listedPopulation", row };
    }
    const random = root.fork(`unit/${index}`);
    const staff = staffByUnit[index]!;
    const context = {
      unitId: u.id,
      contact: {
        namn: u.name,
        postadress: u.postalAddress,
        postnummer: u.postalCode,
        postort: u.town,
        telefon: u.phone,
      },
      doctorIds: staff.filter((s) => s.role === "LAKARE").map((s) => s.id),
      secretaryId: staff.find((s) => s.role === "SEKRETERARE")!.id,
      today,
    };
    const plans: PlanUnit = {
      unitId: u.id,
      coordinatorId: staff.find((s) => s.role === "REHABKOORDINATOR")!.id,
      physiotherapistId: staff.find((s) => s.role === "FYSIOTERAPEUT")!.id,
      today,
      made: { UTKAST: 0, FASTSTALLD: 0, FORSENAD: 0, AVSLUTAD: 0 },
    };
    const listed: { id: string; person: Person; proneness: number }[] = [];
    for (let i = 0; i < plan.listedPerUnit; i++) {
      const person = pool[(index * plan.listedPerUnit + i) % pool.length]!;
      const { row, proneness } = patientRow(random.uuid(), u.id, person, options.seed, today, random);
      listed.push({ id: row.id!, person, proneness });
      yield { table: "patient", row };
    }

    // Its own stream: the deviations never move the patients or certificates.
    yield* demoDeviationRecords({
      random: root.fork(`deviations/${index}`),
      today,
      unitId: u.id,
      staff,
      patientId: listed[0]!.id,
    });

    // With a quota, patients take turns in random order until it is used up.
    const budget: Budget = { remaining: plan.quotas ? plan.quotas[index]! : Infinity };
    const order = random.shuffle(listed.map((_, i) => i));
    const teamCandidates: TeamCandidate[] = [];
    for (const position of order) {
      if (budget.remaining <= 0) break;
      const { id, person, proneness } = listed[position]!;
      const patientRandom = random.fork(`patient/${position}`);
      const meanWait = 365 / (caseRate[person.sex] * proneness);
      let day = windowStart + Math.floor(patientRandom.exponential(meanWait));
      while (day < today && budget.remaining > 0) {
        const age = (day - person.birthDay) / 365.25;
        if (age >= 18 && age < 67) {
          const generated = generateCase(
            patientRandom,
            context,
            { id, sex: person.sex, birthDay: person.birthDay },
            day,
            budget,
          );
          if (!generated) break;
          for (const row of generated.certificates) yield { table: "certificate", row };
          for (const row of generated.arenden) yield { table: "fkArende", row };
          for (const row of generated.events) yield { table: "fkArendeEvent", row };
          const first = generated.certificates.find((c) => c.status !== "MAKULERAT");
          const start = first?.startDate ? dayNumber(first.startDate) : null;
          // An ongoing case past day 30: one the team may take up.
          if (first && start !== null && start <= today - 31 && generated.lastDay >= today) {
            if (teamCandidates.length < teamCandidatesPerUnit) {
              teamCandidates.push({ patientId: id, caseStart: start, certificateId: first.id! });
            }
          }
          const counted = generated.certificates.filter((c) => c.status !== "MAKULERAT" && c.startDate);
          const caseStart = Math.min(...counted.map((c) => dayNumber(c.startDate!)));
          const planRandom = patientRandom.fork(`rehabplan/${caseStart}`);
          yield* demoPlanRecords(planRandom, plans, id, counted, caseStart, generated.lastDay);
          // Back at work at least a few weeks before the next episode.
          day = generated.lastDay + 21 + Math.floor(patientRandom.exponential(meanWait));
        } else {
          day += 1 + Math.floor(patientRandom.exponential(meanWait));
        }
      }
    }
    yield* teamDemo(root.fork(`team/${index}`), u.id, staff, teamCandidates, today);
    yield* underlagDemo(root.fork(`underlag/${index}`), u.id, staff, teamCandidates, today);
  }
}
