/**
 * The chief's view of who was given access to the unit's patient data lately (PRODUCT §8:
 * separation of duties). Read from the audit log, so a grant taken back later still shows.
 */
import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import { usePatientDataGrants } from "../api/org.ts";
import type { PatientDataGrant } from "../api/types.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";

const texts = {
  title: "Nya behörigheter till patientuppgifter",
  intro:
    "Roller som ger åtkomst till enhetens patientuppgifter och som har getts de senaste tre månaderna, även av regionens administratör. Kontrollera att varje behörighet behövs.",
  loading: "Hämtar tilldelade roller …",
  none: "Inga roller med åtkomst till patientuppgifter har getts de senaste tre månaderna.",
  caption: "Tilldelade roller med åtkomst till patientuppgifter, nyast först",
  at: "Tidpunkt",
  user: "Användare",
  role: "Roll",
  grantedBy: "Tilldelad av",
  status: "Status",
  active: "Gäller",
  removed: "Borttagen",
};

/** ÅÅÅÅ-MM-DD tt:mm in Swedish time. */
function when(at: string): string {
  return new Date(at).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" }).slice(0, 16);
}

export function PatientDataGrants() {
  const grants = usePatientDataGrants(true);
  return (
    <Stack gap="xs" component="section" aria-labelledby="patient-data-grants-title">
      <Title order={2} id="patient-data-grants-title" size="h3">
        {texts.title}
      </Title>
      <Text>{texts.intro}</Text>
      {grants.isPending && <Loading label={texts.loading} />}
      {grants.isError && <ErrorAlert error={grants.error} />}
      {grants.data && grants.data.length === 0 && <Text>{texts.none}</Text>}
      {grants.data && grants.data.length > 0 && <GrantsTable grants={grants.data} />}
    </Stack>
  );
}

function GrantsTable(props: { grants: PatientDataGrant[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{texts.at}</Table.Th>
            <Table.Th scope="col">{texts.user}</Table.Th>
            <Table.Th scope="col">{texts.role}</Table.Th>
            <Table.Th scope="col">{texts.grantedBy}</Table.Th>
            <Table.Th scope="col">{texts.status}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.grants.map((grant, index) => (
            <Table.Tr key={`${grant.assignmentId ?? "x"}-${index}`}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{when(grant.at)}</Table.Td>
              <Table.Td>{grant.user}</Table.Td>
              <Table.Td>{grant.roleLabel}</Table.Td>
              <Table.Td>{grant.grantedBy}</Table.Td>
              <Table.Td>
                {grant.removed ? <Badge color="gray.7">{texts.removed}</Badge> : texts.active}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
