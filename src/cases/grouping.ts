/**
 * The engine's working set: counting certificates grouped per (unit, patient), with first and last
 * day as day numbers. Built in linear time: one pass reads the certificates (one hash lookup each)
 * and a counting sort places them by group. A group is then prepared only when a caller needs it
 * (the unit list needs about one group in ten): replaced certificates dropped, the rest sorted in
 * time order. Cases are linear sweeps over a prepared group.
 */
import { countsByItself, supersededIds } from "./counting.ts";
import { dayNumber } from "./days.ts";
import { PatientIndex } from "./patient-index.ts";
import { compareSigned } from "./signed.ts";
import type { SjukfallCertificate } from "./types.ts";

export interface GroupedCertificates {
  certs: readonly SjukfallCertificate[];
  /** Per input index: first and last covered day. Only meaningful for counting certificates. */
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Input indices of certificates that count by themselves, group after group. */
  order: Int32Array;
  /** Group g occupies order[groupOffset[g] .. groupOffset[g + 1]); see `prepareGroup`. */
  groupOffset: Int32Array;
  groupUnit: string[];
  groupPatient: string[];
  /** Per group: the next group of the same patient (another unit), or -1; see `firstGroupsOfPatients`. */
  nextGroup: Int32Array;
  /** Ids replaced or completed by a signed certificate anywhere in the input. */
  superseded: Set<string> | null;
  /** Per group: end of its prepared run in `order`, or -1 while not prepared. */
  preparedEnd: Int32Array;
  /**
   * Per group: 1 when a certificate's span (first to last day, before replacements are applied)
   * meets the `window` given to `groupCertificates` — a cheap filter, not the final answer.
   */
  spansWindow: Uint8Array;
}

/** Time order inside a group: first day, last day, signing time, id — never the input order. */
function comesBefore(a: number, b: number, data: GroupedCertificates): boolean {
  const { firstDay, lastDay, certs } = data;
  if (firstDay[a] !== firstDay[b]) return firstDay[a]! < firstDay[b]!;
  if (lastDay[a] !== lastDay[b]) return lastDay[a]! < lastDay[b]!;
  const signed = compareSigned(certs[a]!.signed, certs[b]!.signed);
  if (signed !== 0) return signed < 0;
  return certs[a]!.id < certs[b]!.id;
}

function sortGroup(data: GroupedCertificates, from: number, to: number): void {
  const order = data.order;
  if (to - from > 32) {
    const slice = Array.from(order.subarray(from, to));
    slice.sort((a, b) => (comesBefore(a, b, data) ? -1 : comesBefore(b, a, data) ? 1 : 0));
    order.set(slice, from);
    return;
  }
  // Insertion sort: groups are a handful of certificates, usually already in order.
  for (let i = from + 1; i < to; i++) {
    const current = order[i]!;
    let j = i - 1;
    while (j >= from && comesBefore(current, order[j]!, data)) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = current;
  }
}

export interface GroupFilter {
  unit?: string | undefined;
  patient?: string | undefined;
  /** Marks the groups with a certificate spanning a day of [from, to] (see `spansWindow`). */
  window?: { from: number; to: number } | undefined;
}

/**
 * (unit, patient) → group number. Patient → its first group; further units of the same patient are
 * chained via nextGroup, so the common case costs one lookup and no key concatenation. A class, not
 * closures, so the optimised loop that calls it survives from one engine call to the next.
 */
class GroupNumbers {
  readonly unit: string[] = [];
  readonly patient: string[] = [];
  /** Sized for the worst case: never more groups than certificates. */
  readonly size: Int32Array;
  /** Per group: the next group of the same patient, or -1. */
  readonly next: Int32Array;
  private readonly firstOfPatient: PatientIndex;

  constructor(certificates: number) {
    this.size = new Int32Array(certificates);
    this.next = new Int32Array(certificates);
    this.firstOfPatient = new PatientIndex(certificates / 4);
  }

  private add(unit: string, patient: string): number {
    this.next[this.unit.length] = -1;
    this.patient.push(patient);
    return this.unit.push(unit) - 1;
  }

  of(unit: string, patient: string): number {
    let group = this.firstOfPatient.get(patient);
    if (group === -1) {
      group = this.add(unit, patient);
      this.firstOfPatient.add(patient, group);
      return group;
    }
    while (this.unit[group] !== unit) {
      const next = this.next[group]!;
      if (next === -1) return (this.next[group] = this.add(unit, patient));
      group = next;
    }
    return group;
  }
}

/**
 * Groups the certificates that count by themselves (only those matching `only`, when given).
 * Replacements are looked up in the whole input, whatever the unit or patient, and applied by
 * `prepareGroup`.
 */
export function groupCertificates(
  certs: readonly SjukfallCertificate[],
  only: GroupFilter = {},
): GroupedCertificates {
  const { unit, patient, window } = only;
  const windowFrom = window?.from ?? 0;
  const windowTo = window?.to ?? -1;
  const superseded = supersededIds(certs);
  const n = certs.length;
  const firstDay = new Int32Array(n);
  const lastDay = new Int32Array(n);
  const groupOfCert = new Int32Array(n);
  const groups = new GroupNumbers(n);
  const groupSize = groups.size;
  // Set while reading, where first and last day are at hand: the unit list skips the other groups
  // without touching their certificates again.
  const spansWindow = new Uint8Array(n);
  let counted = 0;

  for (let i = 0; i < n; i++) {
    const cert = certs[i]!;
    if (
      (unit !== undefined && cert.unit !== unit) ||
      (patient !== undefined && cert.patient !== patient) ||
      !countsByItself(cert)
    ) {
      groupOfCert[i] = -1;
      continue;
    }
    let first = Infinity;
    let last = -Infinity;
    for (const period of cert.periods) {
      const from = dayNumber(period.from);
      const to = dayNumber(period.to);
      if (from < first) first = from;
      if (to > last) last = to;
    }
    firstDay[i] = first;
    lastDay[i] = last;

    const group = groups.of(cert.unit, cert.patient);
    groupOfCert[i] = group;
    groupSize[group]!++;
    if (first <= windowTo && last >= windowFrom) spansWindow[group] = 1;
    counted++;
  }

  const groupCount = groups.unit.length;
  const groupOffset = new Int32Array(groupCount + 1);
  for (let g = 0; g < groupCount; g++) groupOffset[g + 1] = groupOffset[g]! + groupSize[g]!;
  const fill = groupOffset.slice(0, groupCount);
  const order = new Int32Array(counted);
  for (let i = 0; i < n; i++) {
    const group = groupOfCert[i]!;
    if (group >= 0) order[fill[group]!++] = i;
  }

  return {
    certs,
    firstDay,
    lastDay,
    order,
    groupOffset,
    groupUnit: groups.unit,
    groupPatient: groups.patient,
    nextGroup: groups.next,
    superseded,
    preparedEnd: new Int32Array(groupCount).fill(-1),
    spansWindow,
  };
}

/**
 * Drops the group's replaced and completed certificates and sorts the rest in time order. Returns
 * the end of the group's run: the counting certificates are order[groupOffset[group] .. end).
 */
export function prepareGroup(data: GroupedCertificates, group: number): number {
  if (data.preparedEnd[group]! >= 0) return data.preparedEnd[group]!;
  const { order, superseded, certs } = data;
  const from = data.groupOffset[group]!;
  let end = data.groupOffset[group + 1]!;
  if (superseded !== null) {
    let kept = from;
    for (let position = from; position < end; position++) {
      const cert = order[position]!;
      if (!superseded.has(certs[cert]!.id)) order[kept++] = cert;
    }
    end = kept;
  }
  if (end - from > 1) sortGroup(data, from, end);
  data.preparedEnd[group] = end;
  return end;
}

/**
 * Splits a group (positions from..to in `order`) into cases: the next certificate joins while it
 * starts no later than (latest end so far) + gap + 1. Returns the positions where cases start,
 * followed by `to`.
 */
export function caseBoundaries(data: GroupedCertificates, from: number, to: number, gap: number): number[] {
  const { order, firstDay, lastDay } = data;
  const boundaries = [from];
  let latestEnd = lastDay[order[from]!]!;
  for (let position = from + 1; position < to; position++) {
    const cert = order[position]!;
    if (firstDay[cert]! > latestEnd + gap + 1) boundaries.push(position);
    // A new case starts after the old latest end, so this also resets it.
    if (lastDay[cert]! > latestEnd) latestEnd = lastDay[cert]!;
  }
  boundaries.push(to);
  return boundaries;
}

/**
 * The first group of every patient (the others follow it in `nextGroup`), ordered by patient id
 * (code-unit order, as `<` on strings): a patient's groups are created in a chain, so a group is a
 * patient's first exactly when no group names it as next.
 */
export function firstGroupsOfPatients(data: GroupedCertificates): number[] {
  const groupCount = data.groupUnit.length;
  const isNext = new Uint8Array(groupCount);
  for (let g = 0; g < groupCount; g++) if (data.nextGroup[g]! >= 0) isNext[data.nextGroup[g]!] = 1;
  const first: number[] = [];
  for (let g = 0; g < groupCount; g++) if (isNext[g] === 0) first.push(g);
  const patient = data.groupPatient;
  // Patient ids of different first groups are different texts, so the order is total.
  return first.sort((a, b) => (patient[a]! < patient[b]! ? -1 : 1));
}
