/**
 * The demo region's organisation: a fictional Jämtland-like region with one vårdgivare, the three
 * health centres the browser tests and the brief name, and — when the region is scaled up for
 * load tests — more health centres with the same staffing.
 */
import type { Role } from "../access/policy.ts";
import { familyNames, mensNames, womensNames } from "./names.ts";
import type { Random } from "./random.ts";

export const demoRegion = { id: "R-NORRFJALL", name: "Region Norrfjällen" };
export const demoCareProvider = {
  id: "VG-NORRFJALL",
  name: "Region Norrfjällen, Hälsoval",
  hsaId: "SE2321000000-0001",
};

export interface DemoUnit {
  id: string;
  name: string;
  hsaId: string;
  postalAddress: string;
  postalCode: string;
  town: string;
  phone: string;
}

/** The three units of the brief (u = 1, 2, 3): ids and names are fixed, tests rely on them. */
const namedUnits: Omit<DemoUnit, "hsaId">[] = [
  {
    id: "HC-NORR",
    name: "Hälsocentralen Norrskenet",
    postalAddress: "Norrskensvägen 12",
    postalCode: "831 42",
    town: "Östersund",
    phone: "063-14 20 00",
  },
  {
    id: "HC-SODER",
    name: "Hälsocentralen Söderåsen",
    postalAddress: "Söderåsvägen 4",
    postalCode: "842 32",
    town: "Sveg",
    phone: "0680-71 05 00",
  },
  {
    id: "HC-VAST",
    name: "Hälsocentralen Västervik",
    postalAddress: "Västra Byvägen 7",
    postalCode: "837 31",
    town: "Järpen",
    phone: "0647-66 12 00",
  },
];

/** Places for the extra units of a scaled region: [name, postcode, area code]. */
const places: readonly (readonly [string, string, string])[] = [
  ["Krokom", "835 31", "0640"],
  ["Bräcke", "843 31", "0693"],
  ["Strömsund", "833 35", "0670"],
  ["Hammerdal", "833 94", "0644"],
  ["Lit", "836 30", "0642"],
  ["Brunflo", "834 31", "063"],
  ["Frösön", "832 41", "063"],
  ["Funäsdalen", "840 95", "0684"],
  ["Hede", "840 93", "0684"],
  ["Svenstavik", "840 40", "0687"],
  ["Hackås", "845 71", "0687"],
  ["Gäddede", "830 90", "0672"],
  ["Hoting", "833 96", "0671"],
  ["Backe", "830 70", "0671"],
  ["Föllinge", "830 86", "0645"],
  ["Duved", "837 71", "0647"],
  ["Undersåker", "837 94", "0647"],
  ["Mörsil", "837 41", "0647"],
  ["Ytterhogdal", "820 50", "0651"],
  ["Rätan", "840 64", "0682"],
  ["Stugun", "840 50", "0696"],
  ["Kälarne", "840 67", "0696"],
  ["Hallen", "830 02", "0643"],
  ["Oviken", "830 02", "0643"],
  ["Myrviken", "830 02", "0643"],
  ["Åsarna", "840 31", "0682"],
  ["Vemdalen", "840 92", "0684"],
  ["Klövsjö", "840 32", "0682"],
  ["Tännäs", "840 98", "0684"],
  ["Lillhärdal", "840 80", "0680"],
  ["Nälden", "835 95", "0640"],
  ["Trångsviken", "835 43", "0640"],
  ["Häggenås", "835 92", "063"],
  ["Offerdal", "835 94", "0640"],
  ["Valsjöbyn", "830 93", "0672"],
  ["Åre", "837 52", "0647"],
  ["Odensala", "831 75", "063"],
  ["Torvalla", "831 61", "063"],
  ["Lugnvik", "831 52", "063"],
  ["Ope", "834 98", "063"],
];

const streets = ["Storgatan", "Kyrkvägen", "Skolvägen", "Järnvägsgatan", "Sjövägen", "Fjällvägen"];

/** Units: SE2321000000-E001 upwards (people have numeric suffixes, so the two never collide). */
function unitHsaId(index: number): string {
  return `SE2321000000-E${String(index + 1).padStart(3, "0")}`;
}

/** Unit number `index` (0-based): the three named units first, then places in order. */
export function demoUnit(index: number): DemoUnit {
  const named = namedUnits[index];
  if (named) return { ...named, hsaId: unitHsaId(index) };
  const extra = index - namedUnits.length;
  const [place, postalCode, areaCode] = places[extra % places.length]!;
  const round = Math.floor(extra / places.length);
  const suffix = round === 0 ? "" : ` ${round + 1}`;
  const slug = place
    .toUpperCase()
    .normalize("NFD")
    .replace(/[^A-Z]/g, "");
  const phoneEnd = String(10 + (extra % 90)).padStart(2, "0");
  return {
    id: `HC-${slug}${round === 0 ? "" : `-${round + 1}`}`,
    name: `Hälsocentralen ${place}${suffix}`,
    hsaId: unitHsaId(index),
    postalAddress: `${streets[extra % streets.length]} ${(extra % 29) + 1}`,
    postalCode,
    town: place,
    phone: `${areaCode}-${phoneEnd} ${String(10 + round).padStart(2, "0")} 00`,
  };
}

export interface StaffSpec {
  /** Username without the unit number: lakare + "1" + "a". */
  prefix: string;
  suffix: string;
  role: Role;
  title: string;
}

/** Every unit's staff (PRODUCT §1; the brief's demo accounts). */
export const unitStaff: readonly StaffSpec[] = [
  { prefix: "lakare", suffix: "a", role: "LAKARE", title: "Specialistläkare i allmänmedicin" },
  { prefix: "lakare", suffix: "b", role: "LAKARE", title: "ST-läkare i allmänmedicin" },
  { prefix: "rehab", suffix: "", role: "REHABKOORDINATOR", title: "Rehabkoordinator" },
  { prefix: "ssk", suffix: "", role: "DISTRIKTSSKOTERSKA", title: "Distriktssköterska" },
  { prefix: "fysio", suffix: "", role: "FYSIOTERAPEUT", title: "Fysioterapeut" },
  { prefix: "arbter", suffix: "", role: "ARBETSTERAPEUT", title: "Arbetsterapeut" },
  { prefix: "kurator", suffix: "", role: "KURATOR", title: "Kurator" },
  { prefix: "psykolog", suffix: "", role: "PSYKOLOG", title: "Legitimerad psykolog" },
  { prefix: "sekr", suffix: "", role: "SEKRETERARE", title: "Medicinsk sekreterare" },
  { prefix: "chef", suffix: "", role: "ENHETSCHEF", title: "Verksamhetschef" },
  { prefix: "mlu", suffix: "", role: "MLU", title: "Medicinskt ledningsansvarig läkare" },
];

/** Region-wide accounts: a role on every unit. */
export const regionStaff = [
  {
    username: "analytiker",
    role: "REGIONANALYTIKER" as Role,
    title: "Regional analytiker",
    displayName: "Ingela Strandberg",
  },
  {
    username: "admin",
    role: "SYSTEMADMINISTRATOR" as Role,
    title: "Systemförvaltare",
    displayName: "Per Ohlsson",
  },
] as const;

/** Names of the three named units' staff, in `unitStaff` order: stable for screenshots and tests. */
const namedStaff: readonly (readonly string[])[] = [
  [
    "Karin Lindqvist",
    "Anders Nyberg",
    "Maria Sjöberg",
    "Helena Forsberg",
    "Johan Eklund",
    "Sofia Hedlund",
    "Lena Wikström",
    "Erik Bergqvist",
    "Annika Holm",
    "Mats Lundin",
    "Eva Dahlberg",
  ],
  [
    "Per Sandström",
    "Emma Nordin",
    "Kristina Ersson",
    "Ulla Jonasson",
    "Fredrik Hallberg",
    "Therese Öberg",
    "Malin Rönnberg",
    "Jonas Åberg",
    "Birgitta Falk",
    "Camilla Strömberg",
    "Lars Östlund",
  ],
  [
    "Sara Björklund",
    "Magnus Viklund",
    "Jenny Norberg",
    "Gunilla Sundqvist",
    "Henrik Ekström",
    "Åsa Lindholm",
    "Cecilia Nordlund",
    "Tobias Hellström",
    "Anneli Brandt",
    "Mikael Lundström",
    "Ingrid Holmgren",
  ],
];

/** The display name of staff member `staffIndex` on unit `unitIndex`; random for the scaled units. */
export function staffName(unitIndex: number, staffIndex: number, random: Random): string {
  const fixed = namedStaff[unitIndex]?.[staffIndex];
  if (fixed) return fixed;
  const given = random.chance(0.6) ? random.pick(womensNames) : random.pick(mensNames);
  return `${given} ${random.pick(familyNames)}`;
}

/** HSA-ids of people: SE2321000000-1001 upwards (region staff first, then unit by unit). */
export function personHsaId(sequence: number): string {
  return `SE2321000000-${String(1001 + sequence).padStart(4, "0")}`;
}
