/**
 * Patient id → number, for grouping a region's certificates. A JavaScript Map keyed by the id text
 * costs ~400 ns a lookup at region size (every parsed id is a new string to hash and compare, and the
 * table does not fit in the cache). Patient ids are nearly always personnummer or samordningsnummer,
 * which are numbers: those are kept in an open-addressing table of Float64 keys (one cache line per
 * lookup); any other id falls back to a Map. The text forms stay distinct keys ("19121212-1212" and
 * "191212121212" are different ids, as in the Map).
 */

const NONE = -1;
const WITH_DASH_OFFSET = 1e12; // 12 digits are below 1e12: the dash form gets keys from 1e12 up

function digitsValue(id: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NONE;
    value = value * 10 + digit;
  }
  return value;
}

/** Exact numeric key of "ÅÅÅÅMMDD-NNNN" or "ÅÅÅÅMMDDNNNN"; NONE for any other text. */
export function numericPatientKey(id: string): number {
  if (id.length === 12) return digitsValue(id, 0, 12);
  if (id.length !== 13 || id.charCodeAt(8) !== 45) return NONE;
  const date = digitsValue(id, 0, 8);
  const serial = digitsValue(id, 9, 13);
  return date === NONE || serial === NONE ? NONE : WITH_DASH_OFFSET + date * 10_000 + serial;
}

function slotOf(key: number, mask: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4_294_967_296), 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/** Keys and values interleaved in one Float64Array, so a lookup touches one cache line. */
export class PatientIndex {
  private table: Float64Array;
  private used = 0;
  private readonly others = new Map<string, number>();

  /** `expected`: about how many patients; the table grows beyond it when needed. */
  constructor(expected = 0) {
    let slots = 1 << 10;
    while (slots < expected * 2) slots *= 2;
    this.table = new Float64Array(2 * slots).fill(NONE);
  }

  /** The value stored for the patient, or NONE (-1). */
  get(id: string): number {
    const key = numericPatientKey(id);
    if (key === NONE) return this.others.get(id) ?? NONE;
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    for (let slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
      const found = table[2 * slot]!;
      if (found === key) return table[2 * slot + 1]!;
      if (found === NONE) return NONE;
    }
  }

  /** Stores a value (≥ 0) for a patient not yet in the index. */
  add(id: string, value: number): void {
    const key = numericPatientKey(id);
    if (key === NONE) {
      this.others.set(id, value);
      return;
    }
    if ((this.used + 1) * 2 > this.table.length >> 1) this.grow();
    this.place(key, value);
    this.used++;
  }

  private place(key: number, value: number): void {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = slotOf(key, mask);
    while (table[2 * slot] !== NONE) slot = (slot + 1) & mask;
    table[2 * slot] = key;
    table[2 * slot + 1] = value;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2).fill(NONE);
    for (let i = 0; i < old.length; i += 2) if (old[i] !== NONE) this.place(old[i]!, old[i + 1]!);
  }
}
