/**
 * Signing times as instants (contracts README: `signed` is a local Europe/Stockholm time, or an
 * instant with an offset; certificates are ordered by the instant). Imported data mixes the forms
 * ("2016-02-01T10:00:00", "2016-02-01T09:30:00Z", "2016-02-01T11:00:00+02:00"), so texts are only
 * compared as text when that is safe: both local, or both UTC written the same way.
 */
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

const stockholmParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Stockholm",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** Stockholm's offset from UTC (ms) at an instant. */
function stockholmOffset(instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of stockholmParts.formatToParts(instant)) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Offsets per local hour ("2016-02-01T10"): a million certificates share a few thousand hours. */
const offsetOfLocalHour = new Map<string, number>();

function hasOffset(text: string): boolean {
  return text.length > 16 && WITH_OFFSET.test(text.slice(16));
}

/**
 * Milliseconds since the epoch of a signing time; -Infinity for a text that is not one (it then
 * sorts first, as an empty text did). A date alone is the start of that day in Stockholm; a local
 * time in the hour that occurs twice when summer time ends is read as the first one.
 */
export function signedInstant(text: string): number {
  const iso = text.length > 10 ? text.replace(" ", "T") : `${text}T00:00:00`;
  if (hasOffset(iso)) {
    const instant = Date.parse(iso);
    return Number.isNaN(instant) ? -Infinity : instant;
  }
  const local = Date.parse(`${iso}Z`);
  if (Number.isNaN(local)) return -Infinity;
  const hour = iso.slice(0, 13);
  let offset = offsetOfLocalHour.get(hour);
  if (offset === undefined) {
    offset = localOffset(local);
    offsetOfLocalHour.set(hour, offset);
  }
  return local - offset;
}

/** The offset that turns a local reading (as if UTC) into its instant; the larger when two fit. */
function localOffset(local: number): number {
  const before = stockholmOffset(local - 3 * 3_600_000);
  const after = stockholmOffset(local + 3 * 3_600_000);
  for (const candidate of before >= after ? [before, after] : [after, before]) {
    if (stockholmOffset(local - candidate) === candidate) return candidate;
  }
  // A local time skipped when summer time starts: read with the offset before the change.
  return before;
}

/** Signing order: negative when `a` was signed before `b`, 0 for the same instant. */
export function compareSigned(a: string, b: string): number {
  if (a === b) return 0;
  const offsetA = hasOffset(a);
  const sameForm = offsetA === hasOffset(b) && (!offsetA || (a.endsWith("Z") && b.endsWith("Z")));
  // Same form and one not a prefix of the other ("10:00" and "10:00:00" are the same instant):
  // the text is in time order, and comparing it costs nothing.
  if (sameForm && a.length === b.length) return a < b ? -1 : 1;
  const instantA = signedInstant(a);
  const instantB = signedInstant(b);
  return instantA < instantB ? -1 : instantA > instantB ? 1 : 0;
}
