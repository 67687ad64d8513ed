/**
 * The patient page in sections, as tabs under a sticky tab row: Översikt, Sjukfall och intyg,
 * Koordinering, Ärenden, Uppgifter, Logg. The open one is in the address (`?avsnitt=koordinering`:
 * a deep link, no patient data) and each role opens at its own (`./sections.ts`). Only the open
 * section is drawn, so a tab's data is read (and logged) when the user opens it.
 *
 * A new section is one entry in `sections` below (and its name in `patientSections`).
 */
import { Tabs } from "@mantine/core";
import type { ReactNode } from "react";
import { useSearchParams } from "react-router";
import type { Me, Patient } from "../api/types.ts";
import { can, useSession } from "../app/session.tsx";
import { ArendenSection } from "../arenden/ArendenSection.tsx";
import { SjukfallSection } from "../cases/SjukfallSection.tsx";
import { PatientCertificatesSection } from "../certificates/PatientCertificatesSection.tsx";
import { CoordinationSection } from "../coordination/CoordinationSection.tsx";
import { RehabPlanSection } from "../rehabplan/RehabPlanSection.tsx";
import { PatientTasksSection } from "../tasks/PatientTasksSection.tsx";
import { UnderlagSection } from "../underlag/UnderlagSection.tsx";
import { AccessLogSection } from "./AccessLogSection.tsx";
import { PatientOverview } from "./PatientOverview.tsx";
import { openSection, patientSections, sectionParam, type PatientSectionId } from "./sections.ts";

const texts = {
  tabs: "Avsnitt på patientsidan",
};

interface Section {
  id: PatientSectionId;
  shown: (me: Me) => boolean;
  render: (patient: Patient) => ReactNode;
}

const sections: Section[] = [
  { id: "oversikt", shown: () => true, render: (p) => <PatientOverview patient={p} /> },
  {
    id: "sjukfall",
    shown: (me) => can(me, "patient.read"),
    render: (p) => (
      <>
        <SjukfallSection patientId={p.id} />
        <PatientCertificatesSection patientId={p.id} />
      </>
    ),
  },
  {
    id: "koordinering",
    shown: (me) => can(me, "coordination.read"),
    render: (p) => <CoordinationSection patientId={p.id} />,
  },
  {
    id: "rehabplan",
    shown: (me) => can(me, "rehabplan.read"),
    render: (p) => <RehabPlanSection patientId={p.id} />,
  },
  {
    id: "underlag",
    shown: (me) => can(me, "underlag.read"),
    render: (p) => <UnderlagSection patientId={p.id} />,
  },
  {
    id: "arenden",
    shown: (me) => can(me, "patient.read"),
    render: (p) => <ArendenSection patientId={p.id} />,
  },
  {
    id: "uppgifter",
    shown: (me) => can(me, "patient.read"),
    render: (p) => <PatientTasksSection patientId={p.id} />,
  },
  {
    id: "logg",
    shown: (me) => can(me, "audit.review", "patient.log-extract"),
    render: (p) => <AccessLogSection patientId={p.id} />,
  },
];

export function PatientSections({ patient }: { patient: Patient }) {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const available = sections.filter((s) => s.shown(me));
  const current = openSection(
    params.get(sectionParam),
    available.map((s) => s.id),
    me.capabilities,
  );
  const select = (id: string | null) => {
    if (id === null) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set(sectionParam, id);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <Tabs value={current} onChange={select} keepMounted={false} activateTabWithKeyboard>
      <Tabs.List aria-label={texts.tabs} className="patient-tabs">
        {available.map((s) => (
          <Tabs.Tab key={s.id} value={s.id} data-section={s.id}>
            {patientSections[s.id]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {available.map((s) => (
        <Tabs.Panel key={s.id} value={s.id} pt="md">
          <div className="patient-section">{s.render(patient)}</div>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
