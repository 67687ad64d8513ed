/**
 * Personnummer and samordningsnummer: parsed and validated (date, century, check digit) by the
 * `personnummer` library; this module turns the result into what Samsyn stores and shows.
 * Pure: shared by server, browser and CLI.
 */
import personnummerPackage from "personnummer";

// The package's types describe an ES default export, but under Node it is CommonJS whose
// module.exports is the class itself; in the browser bundle the default import is the class too.
const Personnummer = personnummerPackage as unknown as typeof personnummerPackage.default;

export interface Identity {
  /** 12 digits without separator, e.g. 198001139297. */
  personnummer: string;
  samordningsnummer: boolean;
  sex: "F" | "M";
  /** ISO date; for a samordningsnummer the day minus 60. */
  birthDate: string;
}

export type IdentityResult = { ok: true; value: Identity } | { ok: false; message: string };

const invalidMessage = "Ogiltigt personnummer eller samordningsnummer. Ange ÅÅÅÅMMDD-NNNN.";

export function parseIdentityNumber(input: string): IdentityResult {
  const trimmed = input.trim();
  // Ten-digit forms leave the century to a guess; Samsyn asks for all twelve digits.
  if (!/^\d{8}[-+]?\d{4}$/.test(trimmed)) return { ok: false, message: invalidMessage };
  let parsed: InstanceType<typeof Personnummer>;
  try {
    parsed = Personnummer.parse(trimmed, { allowCoordinationNumber: true, allowInterimNumber: false });
  } catch {
    return { ok: false, message: invalidMessage };
  }
  const samordningsnummer = parsed.isCoordinationNumber();
  const day = Number(parsed.day) - (samordningsnummer ? 60 : 0);
  return {
    ok: true,
    value: {
      personnummer: parsed.format(true).replace(/[-+]/, ""),
      samordningsnummer,
      sex: parsed.isFemale() ? "F" : "M",
      birthDate: `${parsed.fullYear}-${parsed.month}-${String(day).padStart(2, "0")}`,
    },
  };
}

/** ÅÅÅÅMMDD-NNNN for display. */
export function formatPersonnummer(twelveDigits: string): string {
  return `${twelveDigits.slice(0, 8)}-${twelveDigits.slice(8)}`;
}

/** Whole years on `today` (ISO dates). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** What a list shows of a protected identity: nothing that identifies the person. */
export const protectedNameMask = "Skyddad identitet";

/** Shown for a patient created by an import, until someone registers the name. */
export const missingName = "Namn saknas";

/** The name a list shows: masked for a protected identity, a notice when none is registered. */
export function listName(p: { givenName: string; familyName: string; protectedIdentity: boolean }): string {
  if (p.protectedIdentity) return protectedNameMask;
  return `${p.givenName} ${p.familyName}`.trim() || missingName;
}
