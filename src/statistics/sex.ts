/**
 * Sex in the statistics (contract `samsyn statistik`): from the personnummer or samordningsnummer,
 * the second-to-last digit odd = man, even = woman. The same digit decides for both kinds of number
 * (a samordningsnummer only adds 60 to the day), so the check digit is not needed: a patient id of
 * the shape of either number (10 or 12 digits, with or without "-" or "+") has a sex; any other
 * patient id has none and counts only in the total.
 */
export type Sex = "F" | "M";

const IDENTITY_SHAPE = /^(?:\d{6}|\d{8})[-+]?\d{4}$/;

/** "F" (woman), "M" (man), or null when the patient id is not a personnummer or samordningsnummer. */
export function sexOfPatient(patient: string): Sex | null {
  const id = patient.trim();
  if (!IDENTITY_SHAPE.test(id)) return null;
  const digit = id.charCodeAt(id.length - 2) - 48;
  return digit % 2 === 1 ? "M" : "F";
}
