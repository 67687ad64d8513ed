/** The patient page's Översikt: identity and listing, changed in place by those who may. */
import { Anchor, Button, Group, Paper, Title } from "@mantine/core";
import { Fragment, useState } from "react";
import { Link } from "react-router";
import type { Patient } from "../api/types.ts";
import { can, useSession } from "../app/session.tsx";
import { ageLabel, dateLabel, sexLabel } from "../format.ts";
import { PatientEditForm } from "./PatientEditForm.tsx";

const texts = {
  identity: "Personuppgifter",
  personnummer: "Personnummer",
  samordningsnummer: "Samordningsnummer",
  name: "Namn",
  sex: "Kön",
  age: "Ålder",
  birthDate: "Födelsedatum",
  listingUnit: "Listad på",
  notListed: "Inte listad",
  protectedIdentity: "Skyddad identitet",
  firstDayCertificate: "Förstadagsintyg",
  firstDayUntil: (date: string) => `Krävs till och med ${date}`,
  no: "Nej",
  yes: "Ja",
  edit: "Ändra uppgifter",
  reportDeviation: "Rapportera en avvikelse som gäller patienten",
};

export function PatientOverview({ patient }: { patient: Patient }) {
  const me = useSession();
  const [editing, setEditing] = useState(false);
  const mayEdit = can(me, "patient.write");

  return (
    <>
      <Paper withBorder p="lg" component="section" aria-labelledby="identitet">
        <Group justify="space-between" mb="sm">
          <Title order={2} id="identitet" fz="h3">
            {texts.identity}
          </Title>
          {mayEdit && !editing && (
            <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
              {texts.edit}
            </Button>
          )}
        </Group>
        <IdentityFacts patient={patient} />
        {can(me, "deviation.report") && (can(me, "patient.read") || can(me, "patient.search")) && (
          <Anchor component={Link} to={`/avvikelser?patient=${encodeURIComponent(patient.id)}`} fz="sm">
            {texts.reportDeviation}
          </Anchor>
        )}
      </Paper>

      {mayEdit && editing && (
        <PatientEditForm
          patient={patient}
          activeUnitId={me.unit?.id ?? ""}
          onDone={() => setEditing(false)}
        />
      )}
    </>
  );
}

function IdentityFacts({ patient }: { patient: Patient }) {
  const facts: [string, string][] = [
    [patient.samordningsnummer ? texts.samordningsnummer : texts.personnummer, patient.personnummer],
    [texts.name, `${patient.givenName} ${patient.familyName}`],
    [texts.sex, sexLabel(patient.sex)],
    [texts.age, ageLabel(patient.age)],
    [texts.birthDate, dateLabel(patient.birthDate)],
    [texts.listingUnit, patient.listingUnit?.name ?? texts.notListed],
    [texts.protectedIdentity, patient.protectedIdentity ? texts.yes : texts.no],
    [
      texts.firstDayCertificate,
      patient.firstDayCertificateUntil
        ? texts.firstDayUntil(dateLabel(patient.firstDayCertificateUntil))
        : texts.no,
    ],
  ];
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
