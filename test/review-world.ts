/**
 * The unit that the review (genomgång) and handover (överlämning) tests share: three doctors and
 * their patients, whose certificates end at different distances from 2026-11-16, and another unit.
 *
 * - Anna (doctor A) ends 2026-11-20; Bo (A) ends 2026-12-10 and has a komplettering;
 * - Cara (A) ends 2026-11-25 and has a renewal being written; Dag (B) ends 2026-11-22.
 */
import type { Queryable } from "../src/db/client.ts";
import { fkArende } from "../src/db/schema.ts";
import { buildCertificate, buildPatient, buildUnit, buildUser } from "./factories.ts";

export const reviewWorldNow = new Date("2026-11-16T09:00:00Z");

export async function buildReviewWorld(q: Queryable) {
  const unitId = (await buildUnit(q)).id;
  const otherUnitId = (await buildUnit(q)).id;
  const user = async (role: "LAKARE" | "REHABKOORDINATOR" | "ENHETSCHEF" | "SEKRETERARE", unit = unitId) =>
    (await buildUser(q, { roles: [[role, unit]] })).id;
  const doctors = { a: await user("LAKARE"), b: await user("LAKARE"), c: await user("LAKARE") };
  const otherDoctorId = await user("LAKARE", otherUnitId);
  const staff = {
    coordinator: await user("REHABKOORDINATOR"),
    chief: await user("ENHETSCHEF"),
    secretary: await user("SEKRETERARE"),
  };
  const patient = async (givenName: string, unit = unitId) => (await buildPatient(q, unit, { givenName })).id;
  const certificate = (
    patientId: string,
    doctorId: string,
    periods: [number, string, string][],
    status?: "SIGNERAT" | "UTKAST",
  ) =>
    buildCertificate(q, {
      unitId: doctorId === otherDoctorId ? otherUnitId : unitId,
      patientId,
      doctorId,
      periods,
      ...(status ? { status } : {}),
    });

  const patients = {
    anna: await patient("Anna"),
    bo: await patient("Bo"),
    cara: await patient("Cara"),
    dag: await patient("Dag"),
    other: await patient("Other", otherUnitId),
  };
  await certificate(patients.anna, doctors.a, [[100, "2026-10-01", "2026-11-20"]]);
  const boCertificate = await certificate(patients.bo, doctors.a, [[50, "2026-11-05", "2026-12-10"]]);
  await q.insert(fkArende).values({
    unitId,
    patientId: patients.bo,
    certificateId: boCertificate,
    type: "KOMPLT",
    receivedDate: "2026-11-12",
    questionFields: ["35"],
  });
  await certificate(patients.cara, doctors.a, [[100, "2026-11-10", "2026-11-25"]]);
  await certificate(patients.cara, doctors.a, [[50, "2026-11-26", "2026-12-20"]], "UTKAST");
  await certificate(patients.dag, doctors.b, [[100, "2026-11-01", "2026-11-22"]]);
  await certificate(patients.other, otherDoctorId, [[100, "2026-11-01", "2026-11-20"]]);
  return { unitId, otherUnitId, doctors, otherDoctorId, staff, patients };
}
