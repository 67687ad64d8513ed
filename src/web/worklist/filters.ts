/**
 * The unit list's filter state on screen and how it becomes the API query. Pure: the page keeps a
 * `ListFilter`, `toQuery` turns it into the query string both the list and the export read, and
 * `checkRanges` gives the Swedish message for a range the server would refuse.
 */
import { lengthBuckets, type LengthBucketId, type SortColumn } from "../../worklist/rules.ts";
import type { TeamStatus } from "../../traceability/rules.ts";

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
