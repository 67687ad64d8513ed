/** One patient of the active unit: identity, listing, and (for log reviewers) who has looked. */
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Fragment, useState } from "react";
import { Link, useParams } from "react-router";
import { isApiError } from "../api/client.ts";
import { usePatient } from "../api/patients.ts";
import type { Patient } from "../api/types.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ageLabel, dateLabel, sexLabel } from "../format.ts";
import { ArendenSection } from "../arenden/ArendenSection.tsx";
import { PatientCertificatesSection } from "../certificates/PatientCertificatesSection.tsx";
import { SjukfallSection } from "../cases/SjukfallSection.tsx";
import { CoordinationSection } from "../coordination/CoordinationSection.tsx";
import { PatientTasksSection } from "../tasks/PatientTasksSection.tsx";
import { AccessLogSection } from "./AccessLogSection.tsx";
import { PatientEditForm } from "./PatientEditForm.tsx";

const texts = {
  title: "Patient",
  reportDeviation: "Rapportera en avvikelse som gäller patienten",
  loading: "Hämtar patienten …",
  notFoundTitle: "Patienten hittades inte",
  notFoundBody: "Patienten finns inte på den vårdenhet du arbetar på.",
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
  protectedBadge: "Skyddad identitet",
  firstDayCertificate: "Förstadagsintyg",
  firstDayUntil: (date: string) => `Krävs till och med ${date}`,
  no: "Nej",
  yes: "Ja",
  edit: "Ändra uppgifter",
  back: "Till patientsökningen",
};

export function PatientPage() {
  const me = useSession();
  const { id = "" } = useParams();
  const patient = usePatient(id);
  const notFound = isApiError(patient.error, 404) || isApiError(patient.error, 400);
  const heading = patient.data
    ? `${patient.data.givenName} ${patient.data.familyName}`
    : notFound
      ? texts.notFoundTitle
      : texts.title;

  // One heading element through loading and loaded, so the focus put on it stays there.
  return (
    <Stack gap="lg">
      {can(me, "patient.search") && (
        <Anchor component={Link} to="/patienter" fz="sm" mb={-12}>
          <span aria-hidden>← </span>
          {texts.back}
        </Anchor>
      )}
      <Group gap="sm" align="baseline">
        <PageTitle title={texts.title}>{heading}</PageTitle>
        {patient.data?.protectedIdentity && (
          <Badge color="red.9" variant="filled" size="lg">
            {texts.protectedBadge}
          </Badge>
        )}
      </Group>
      {patient.isPending && <Loading label={texts.loading} />}
      {notFound && <Text>{texts.notFoundBody}</Text>}
      {patient.isError && !notFound && <ErrorAlert error={patient.error} />}
      {patient.data && <PatientDetails patient={patient.data} />}
    </Stack>
  );
}

function PatientDetails({ patient }: { patient: Patient }) {
  const me = useSession();
  const [editing, setEditing] = useState(false);
  const mayEdit = can(me, "patient.write");
  const mayReviewLog = can(me, "audit.review", "patient.log-extract");

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

      {can(me, "patient.read") && <SjukfallSection patientId={patient.id} />}
      {can(me, "patient.read") && <PatientCertificatesSection patientId={patient.id} />}
      {can(me, "patient.read") && <ArendenSection patientId={patient.id} />}
      {can(me, "coordination.read") && <CoordinationSection patientId={patient.id} />}
      {can(me, "patient.read") && <PatientTasksSection patientId={patient.id} />}
      {mayReviewLog && <AccessLogSection patientId={patient.id} />}
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
