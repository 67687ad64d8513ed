/** "Vem har tittat": who has read or changed the patient's data, for log reviewers. */
import { Paper, Table, Text, Title } from "@mantine/core";
import { useAccessLog } from "../api/patients.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { dateTimeLabel } from "../format.ts";

const texts = {
  title: "Vem har tittat",
  intro: "Åtkomster till patientens uppgifter på den här vårdenheten, senaste först.",
  loading: "Hämtar åtkomstloggen …",
  empty: "Inga åtkomster är registrerade.",
  caption: "Åtkomstlogg",
  at: "Tidpunkt",
  user: "Användare",
  role: "Roll",
  action: "Händelse",
  purpose: "Syfte",
  noRole: "–",
};

export function AccessLogSection({ patientId }: { patientId: string }) {
  const log = useAccessLog(patientId);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="vem-har-tittat">
      <Title order={2} id="vem-har-tittat" fz="h3" mb={4}>
        {texts.title}
      </Title>
      <Text mb="sm">{texts.intro}</Text>
      {log.isPending && <Loading label={texts.loading} />}
      {log.isError && <ErrorAlert error={log.error} />}
      {log.data && log.data.events.length === 0 && <Text>{texts.empty}</Text>}
      {log.data && log.data.events.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{texts.at}</Table.Th>
                <Table.Th scope="col">{texts.user}</Table.Th>
                <Table.Th scope="col">{texts.role}</Table.Th>
                <Table.Th scope="col">{texts.action}</Table.Th>
                <Table.Th scope="col">{texts.purpose}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.events.map((event, index) => (
                <Table.Tr key={`${event.at}-${index}`}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTimeLabel(event.at)}</Table.Td>
                  <Table.Td>{event.user}</Table.Td>
                  <Table.Td>{event.role ?? texts.noRole}</Table.Td>
                  <Table.Td>{event.actionLabel}</Table.Td>
                  <Table.Td>{event.purpose}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
