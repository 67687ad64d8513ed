/** One patient of the active unit: the name, then the patient's data in sections (`PatientSections`). */
import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { isApiError } from "../api/client.ts";
import { usePatient } from "../api/patients.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { PatientSections } from "./PatientSections.tsx";

const texts = {
  title: "Patient",
  reportDeviation: "Rapportera en avvikelse som gäller patienten",
  loading: "Hämtar patienten …",
  notFoundTitle: "Patienten hittades inte",
  notFoundBody: "Patienten finns inte på den vårdenhet du arbetar på.",
  protectedBadge: "Skyddad identitet",
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
      {patient.data && <PatientSections patient={patient.data} />}
    </Stack>
  );
}
