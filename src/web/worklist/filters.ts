/**
 * The unit list's filter state on screen and how it becomes the API query. Pure: the page keeps a
 * `ListFilter`, `toQuery` turns it into the query string both the list and the export read, and
 * `checkRanges` gives the Swedish message for a range the server would refuse.
 */
import type { TeamStatus } from "../../traceability/rules.ts";
import { sysselsattningLabels } from "../../certificates/rules/labels.ts";
import type { SysselsattningType } from "../../certificates/rules/draft.ts";
import {
  coordinatorStatuses,
  lengthBuckets,
  type CoordinatorStatus,
  type LengthBucketId,
  type SortColumn,
} from "../../worklist/rules.ts";

export { lengthBuckets };

export interface ListFilter {
  over30: boolean;
  risk: boolean;
  openArenden: boolean;
  fmbExceeded: boolean;
  length: LengthBucketId[];
  chapter: string;
  doctor: string;
  sex: "" | "F" | "M";
  sysselsattning: string;
  status: "" | "ONGOING" | "ENDED";
  teamStatus: "" | TeamStatus;
  ageMin: string;
  ageMax: string;
  endFrom: string;
  endTo: string;
  coordinatorStatus: "" | CoordinatorStatus;
  q: string;
}

export const emptyFilter: ListFilter = {
  over30: false,
  risk: false,
  openArenden: false,
  fmbExceeded: false,
  length: [],
  chapter: "",
  doctor: "",
  sex: "",
  sysselsattning: "",
  status: "",
  teamStatus: "",
  ageMin: "",
  ageMax: "",
  endFrom: "",
  endTo: "",
  coordinatorStatus: "",
  q: "",
};

export interface ListSort {
  column: SortColumn;
  order: "asc" | "desc";
}

export const defaultSort: ListSort = { column: "days", order: "desc" };

export type RangeField = "ageMin" | "ageMax" | "endFrom" | "endTo";
export type RangeErrors = Partial<Record<RangeField, string>>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(text: string): boolean {
  if (!isoDate.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Swedish messages for the age and end-date ranges; empty when they can be sent. */
export function checkRanges(f: Pick<ListFilter, RangeField>): RangeErrors {
  const errors: RangeErrors = {};
  for (const field of ["ageMin", "ageMax"] as const) {
    const text = f[field].trim();
    if (text === "") continue;
    if (!/^\d+$/.test(text)) errors[field] = "Ange åldern som ett heltal.";
    else if (Number(text) > 150) errors[field] = "Åldern får vara högst 150.";
  }
  if (!errors.ageMin && !errors.ageMax && f.ageMin.trim() && f.ageMax.trim()) {
    if (Number(f.ageMax) < Number(f.ageMin))
      errors.ageMax = "Högsta ålder kan inte vara lägre än lägsta ålder.";
  }
  for (const field of ["endFrom", "endTo"] as const) {
    const text = f[field].trim();
    if (text !== "" && !validDate(text)) errors[field] = "Ange datumet som ÅÅÅÅ-MM-DD.";
  }
  if (!errors.endFrom && !errors.endTo && f.endFrom.trim() && f.endTo.trim() && f.endTo < f.endFrom) {
    errors.endTo = "Slutdatum till kan inte vara före slutdatum från.";
  }
  return errors;
}

/** The API query: only what is set, flags as "true", length buckets comma separated. */
export function toQuery(f: ListFilter, sort?: ListSort): Record<string, string> {
  const query: Record<string, string> = {};
  if (f.over30) query.over30 = "true";
  if (f.risk) query.risk = "true";
  if (f.openArenden) query.openArenden = "true";
  if (f.fmbExceeded) query.fmbExceeded = "true";
  if (f.length.length)
    query.length = lengthBuckets
      .filter((b) => f.length.includes(b.id))
      .map((b) => b.id)
      .join(",");
  const text: [keyof ListFilter, string][] = [
    ["chapter", f.chapter],
    ["doctor", f.doctor],
    ["sex", f.sex],
    ["sysselsattning", f.sysselsattning],
    ["status", f.status],
    ["teamStatus", f.teamStatus],
    ["ageMin", f.ageMin.trim()],
    ["ageMax", f.ageMax.trim()],
    ["endFrom", f.endFrom.trim()],
    ["endTo", f.endTo.trim()],
    ["coordinatorStatus", f.coordinatorStatus],
    ["q", f.q.trim()],
  ];
  for (const [key, value] of text) if (value !== "") query[key] = value;
  if (sort) {
    query.sort = sort.column;
    query.order = sort.order;
  }
  return query;
}

/** How many filters are set (shown on the filter panel's heading). */
export function activeFilterCount(f: ListFilter): number {
  const q = toQuery(f);
  return Object.keys(q).length;
}

/** The next sort when a column header is chosen: a new column starts in its natural order. */
export function nextSort(current: ListSort, column: SortColumn): ListSort {
  if (current.column === column) return { column, order: current.order === "asc" ? "desc" : "asc" };
  const descendingFirst: SortColumn[] = [
    "days",
    "dayInCase",
    "risk",
    "arenden",
    "grade",
    "certificateCount",
    "fmb",
  ];
  return { column, order: descendingFirst.includes(column) ? "desc" : "asc" };
}

/** One active filter as a removable chip: its text, and the change that removes it from a filter. */
export interface FilterChip {
  key: string;
  label: string;
  remove: (current: ListFilter) => Partial<ListFilter>;
}

const flagChips = {
  over30: "Mer än 30 dagar",
  risk: "Förhöjd risk",
  openArenden: "Öppna ärenden",
  fmbExceeded: "Längre än FMB",
} as const;
const sexNames = { F: "Kvinnor", M: "Män" } as const;
const statusNames = { ONGOING: "Pågående", ENDED: "Avslutade" } as const;

/**
 * The summary line's chips, one per active filter (one per length bucket), in the panel's order.
 * `doctorName` names the chosen doctor (the filter holds the id).
 */
export function filterChips(f: ListFilter, doctorName: (id: string) => string | undefined): FilterChip[] {
  const chips: FilterChip[] = [];
  const add = (key: string, label: string, patch: Partial<ListFilter> | FilterChip["remove"]) =>
    chips.push({ key, label, remove: typeof patch === "function" ? patch : () => patch });
  if (f.q.trim()) add("q", `Sök: ${f.q.trim()}`, { q: "" });
  for (const flag of Object.keys(flagChips) as (keyof typeof flagChips)[]) {
    if (f[flag]) add(flag, flagChips[flag], { [flag]: false });
  }
  for (const bucket of lengthBuckets) {
    if (f.length.includes(bucket.id)) {
      add(`length:${bucket.id}`, `Längd ${bucket.label}`, (current) => ({
        length: current.length.filter((id) => id !== bucket.id),
      }));
    }
  }
  if (f.chapter) add("chapter", `Diagnoskapitel ${f.chapter}`, { chapter: "" });
  if (f.doctor) add("doctor", `Läkare: ${doctorName(f.doctor) ?? "vald läkare"}`, { doctor: "" });
  if (f.sex) add("sex", sexNames[f.sex], { sex: "" });
  if (f.sysselsattning) {
    const label = sysselsattningLabels[f.sysselsattning as SysselsattningType] ?? f.sysselsattning;
    add("sysselsattning", `Sysselsättning: ${label}`, { sysselsattning: "" });
  }
  if (f.status) add("status", statusNames[f.status], { status: "" });
  if (f.ageMin.trim() || f.ageMax.trim()) {
    add("age", `Ålder ${f.ageMin.trim() || "0"}–${f.ageMax.trim()} år`, { ageMin: "", ageMax: "" });
  }
  if (f.endFrom.trim() || f.endTo.trim()) {
    add("end", `Slutdatum ${f.endFrom.trim()} – ${f.endTo.trim()}`, { endFrom: "", endTo: "" });
  }
  if (f.coordinatorStatus) {
    add("coordinatorStatus", `Koordinatorstatus: ${coordinatorStatuses[f.coordinatorStatus]}`, {
      coordinatorStatus: "",
    });
  }
  return chips;
}
