import { describe, expect, it } from "vitest";
import { capabilities, capabilitiesOf, policy, roleIds, type Capability, type Role } from "./policy.ts";

/** The policy as a matrix: who holds which capability. A change here is a reviewed decision. */
const expected: Record<Capability, Role[]> = {
  "patient.search": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
    "SEKRETERARE",
    "ENHETSCHEF",
    "MLU",
  ],
  "patient.read": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
    "SEKRETERARE",
  ],
  "patient.write": ["REHABKOORDINATOR", "SEKRETERARE"],
  "patient.log-extract": ["ENHETSCHEF"],
  "certificate.draft": [
    "LAKARE",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
    "SEKRETERARE",
  ],
  "certificate.sign": ["LAKARE"],
  "arende.register": ["LAKARE", "SEKRETERARE"],
  "arende.answer": ["LAKARE"],
  "certificate.import": ["SEKRETERARE"],
  "population.import": ["ENHETSCHEF", "SYSTEMADMINISTRATOR"],
  "audit.review": ["ENHETSCHEF", "MLU"],
  "unit.users": ["ENHETSCHEF", "SYSTEMADMINISTRATOR"],
  "region.units": ["SYSTEMADMINISTRATOR"],
  "region.users": ["SYSTEMADMINISTRATOR"],
  "policy.read": roleIds,
  "statistics.unit": ["LAKARE", "REHABKOORDINATOR", "ENHETSCHEF", "MLU"],
  "statistics.region": ["REGIONANALYTIKER"],
  "statistics.doctors": ["ENHETSCHEF", "MLU"],
  "statistics.report": ["ENHETSCHEF", "MLU"],
  "consent.record": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
  ],
  "coordination.read": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
  ],
  "coordination.write": ["REHABKOORDINATOR"],
  "cases.list": ["REHABKOORDINATOR"],
  "cases.list-own": ["LAKARE"],
  "task.work": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
  ],
  "task.unit": ["REHABKOORDINATOR"],
  "review.run": ["LAKARE", "REHABKOORDINATOR"],
  "review.unit": ["REHABKOORDINATOR"],
  "handover.manage": ["REHABKOORDINATOR", "ENHETSCHEF"],
  "routine.read": roleIds,
  "routine.manage": ["ENHETSCHEF", "MLU"],
  "routine.region": ["REGIONANALYTIKER"],
  "deviation.report": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
    "SEKRETERARE",
    "ENHETSCHEF",
    "MLU",
  ],
  "deviation.manage": ["ENHETSCHEF", "MLU"],
  "underlag.request": ["LAKARE", "REHABKOORDINATOR", "DISTRIKTSSKOTERSKA"],
  "underlag.read": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
  ],
  "underlag.answer": ["FYSIOTERAPEUT", "ARBETSTERAPEUT", "KURATOR", "PSYKOLOG"],
  "traceability.read": ["REHABKOORDINATOR", "ENHETSCHEF", "MLU"],
  "team.overview": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
    "ENHETSCHEF",
  ],
  "team.read": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
  ],
  "team.manage": ["REHABKOORDINATOR"],
  "rehabplan.read": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
  ],
  "rehabplan.write": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
  ],
  "patientinfo.handout": [
    "LAKARE",
    "REHABKOORDINATOR",
    "DISTRIKTSSKOTERSKA",
    "FYSIOTERAPEUT",
    "ARBETSTERAPEUT",
    "KURATOR",
    "PSYKOLOG",
  ],
};

describe("access policy", () => {
  it.each(Object.keys(capabilities) as Capability[])(
    "grants %s to exactly the expected roles",
    (capability) => {
      const holders = roleIds.filter((role) => capabilitiesOf(role).has(capability));
      expect(holders.sort()).toEqual([...expected[capability]].sort());
    },
  );

  it("gives no patient data to the system administrator or the regional analyst", () => {
    for (const role of ["SYSTEMADMINISTRATOR", "REGIONANALYTIKER"] as const) {
      expect([...capabilitiesOf(role)].filter((c) => c.startsWith("patient."))).toEqual([]);
    }
  });

  it("justifies every grant once, in Swedish", () => {
    const keys = policy.map((g) => `${g.role}:${g.capability}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const grant of policy) expect(grant.justification.length).toBeGreaterThan(15);
  });
});
