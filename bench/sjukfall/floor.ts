/**
 * The benchmark's floor: only reading the certificates and sorting them by (unit, patient) and then
 * first day — the least any engine must do before it can form cases. Written as fast as we know how
 * (no strawman): one pass reads the fields the engine reads and parses every period's dates, one
 * lookup per certificate in the engine's patient index gives its (unit, patient) group, a counting sort places the certificates
 * group by group and an insertion sort orders each small group by first day.
 */
import { dayNumber } from "../../src/cases/days.ts";
import { PatientIndex } from "../../src/cases/patient-index.ts";
import type { SjukfallCertificate } from "../../src/cases/types.ts";

/** Input indices in (group, first day) order; the group numbering is first-seen order. */
export function readAndSort(certs: readonly SjukfallCertificate[]): Int32Array {
  const n = certs.length;
  const firstDay = new Int32Array(n);
  const groupOfCert = new Int32Array(n);
  const groupOfPatient = new PatientIndex(n / 4);
  const groupUnit: string[] = [];
  const nextGroup: number[] = [];
  const groupSize: number[] = [];
  let flags = 0;

  for (let i = 0; i < n; i++) {
    const cert = certs[i]!;
    // Read what the engine reads to decide whether a certificate counts.
    if (cert.status === "revoked" || cert.smittbararpenning === true || !cert.diagnosis) flags++;
    if (cert.replaces != null || cert.completes != null) flags++;
    let first = Infinity;
    let last = -Infinity;
    for (const period of cert.periods) {
      const from = dayNumber(period.from);
      const to = dayNumber(period.to);
      if (from < first) first = from;
      if (to > last) last = to;
    }
    firstDay[i] = first;
    flags += last & 1;

    let group = groupOfPatient.get(cert.patient);
    if (group === -1) {
      group = groupUnit.length;
      groupOfPatient.add(cert.patient, group);
      groupUnit.push(cert.unit);
      nextGroup.push(-1);
      groupSize.push(0);
    }
    while (groupUnit[group] !== cert.unit) {
      if (nextGroup[group] === -1) {
        nextGroup[group] = groupUnit.length;
        groupUnit.push(cert.unit);
        nextGroup.push(-1);
        groupSize.push(0);
      }
      group = nextGroup[group]!;
    }
    groupOfCert[i] = group;
    groupSize[group]!++;
  }

  const groups = groupUnit.length;
  const offset = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) offset[g + 1] = offset[g]! + groupSize[g]!;
  const fill = offset.slice(0, groups);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[groupOfCert[i]!]!++] = i;

  for (let g = 0; g < groups; g++) {
    for (let i = offset[g]! + 1; i < offset[g + 1]!; i++) {
      const current = order[i]!;
      let j = i - 1;
      while (j >= offset[g]! && firstDay[order[j]!]! > firstDay[current]!) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = current;
    }
  }
  if (flags < 0) throw new Error("unreachable: keeps the reads alive");
  return order;
}

/** For context only: the obvious way, Array.prototype.sort with a (unit, patient, first day) comparator. */
export function comparatorSort(certs: readonly SjukfallCertificate[]): SjukfallCertificate[] {
  const keyed = certs.map((cert) => {
    let first = Infinity;
    for (const period of cert.periods) first = Math.min(first, dayNumber(period.from));
    return { cert, first };
  });
  keyed.sort(
    (a, b) =>
      (a.cert.unit < b.cert.unit ? -1 : a.cert.unit > b.cert.unit ? 1 : 0) ||
      (a.cert.patient < b.cert.patient ? -1 : a.cert.patient > b.cert.patient ? 1 : 0) ||
      a.first - b.first,
  );
  return keyed.map((k) => k.cert);
}
