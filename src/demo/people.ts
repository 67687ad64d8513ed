/**
 * The demo population: only Skatteverket's test personnummer (never numbers that may belong to
 * real people), with sex and birth date read from the number and a Swedish name that fits the
 * sex. A person keeps the same name, protection and proneness to sick leave on every unit that
 * lists them, because all of it derives from the seed and the personnummer alone.
 */
import { dayNumber } from "../cases/days.ts";
import { parseIdentityNumber } from "../patients/identity.ts";
import { familyNames, mensNames, womensNames } from "./names.ts";
import { Random } from "./random.ts";

export interface Person {
  /** 12 digits, as stored. */
  personnummer: string;
  samordningsnummer: boolean;
  sex: "F" | "M";
  birthDate: string;
  birthDay: number;
}

/**
 * People born before this year are left out: the list holds thousands of numbers for people
 * who would be over 115, which no health centre lists.
 */
export const oldestBirthYear = 1920;

export function personPool(list: readonly string[]): Person[] {
  const people: Person[] = [];
  for (const entry of list) {
    const parsed = parseIdentityNumber(entry);
    if (!parsed.ok) throw new Error(`not a valid personnummer in the test list: ${entry}`);
    const { personnummer, samordningsnummer, sex, birthDate } = parsed.value;
    if (Number(birthDate.slice(0, 4)) < oldestBirthYear) continue;
    people.push({ personnummer, samordningsnummer, sex, birthDate, birthDay: dayNumber(birthDate) });
  }
  return people;
}

export interface PersonTraits {
  givenName: string;
  familyName: string;
  protectedIdentity: boolean;
  /** Förstadagsintyg: the employer or Försäkringskassan requires a certificate from day 1. */
  firstDayCertificate: boolean;
  /** Relative proneness to sick leave (1 = average). */
  proneness: number;
}

export function personTraits(seed: string, person: Person): PersonTraits {
  const random = new Random(`${seed}/person/${person.personnummer}`);
  const givenName = random.pick(person.sex === "F" ? womensNames : mensNames);
  const familyName = random.pick(familyNames);
  const protectedIdentity = random.chance(0.003);
  const firstDayCertificate = random.chance(0.006);
  const proneness = firstDayCertificate
    ? 3
    : random.weighted([
        [0.55, 70],
        [1.8, 25],
        [4, 5],
      ]);
  return { givenName, familyName, protectedIdentity, firstDayCertificate, proneness };
}
