/** The doctor's open ärenden on certificates they signed, earliest last answer date first. */
import { Anchor, Paper, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useMyArenden, type ArendeListItem } from "../api/arenden.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { dateLabel } from "../format.ts";
import { deadlineOf } from "./deadline.ts";

const texts = {
  title: "Mina öppna ärenden från Försäkringskassan",
  intro: "Ärenden på intyg som du har signerat, de som ska besvaras först överst.",
  loading: "Hämtar dina ärenden …",
  empty: "Du har inga öppna ärenden.",
  caption: "Mina öppna ärenden",
  patient: "Patient",
  personnummer: "Personnummer",
  type: "Ärende",
  received: "Mottaget",
  deadline: "Sista svarsdag",
  certificate: "Intyg",
  openCertificate: "Öppna intyget",
  noDeadline: "Inget angivet",
};

/** Earliest last answer date first; without a date last, then by received date. */
export function byDeadline(a: ArendeListItem, b: ArendeListItem): number {
  if (a.lastAnswerDate !== b.lastAnswerDate) {
    if (a.lastAnswerDate === null) return 1;
    if (b.lastAnswerDate === null) return -1;
    return a.lastAnswerDate < b.lastAnswerDate ? -1 : 1;
  }
  return a.receivedDate < b.receivedDate ? -1 : a.receivedDate > b.receivedDate ? 1 : 0;
}

export function MyArendenSection() {
  const arenden = useMyArenden();
  const rows = [...(arenden.data ?? [])].sort(byDeadline);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="mina-arenden">
      <Title order={2} id="mina-arenden" fz="h3" mb={4}>
        {texts.title}
      </Title>
      <Text mb="sm">{texts.intro}</Text>
      {arenden.isPending && <Loading label={texts.loading} />}
      {arenden.isError && <ErrorAlert error={arenden.error} />}
      {arenden.data && rows.length === 0 && <Text>{texts.empty}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{texts.patient}</Table.Th>
                <Table.Th scope="col">{texts.personnummer}</Table.Th>
                <Table.Th scope="col">{texts.type}</Table.Th>
                <Table.Th scope="col">{texts.received}</Table.Th>
                <Table.Th scope="col">{texts.deadline}</Table.Th>
                <Table.Th scope="col">{texts.certificate}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => {
                const deadline = deadlineOf(a.lastAnswerDate, a.daysToDeadline);
                return (
                  <Table.Tr key={a.id} data-arende={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/patienter/${a.patientId}`}>
                        {a.patientName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{a.personnummer}</Table.Td>
                    <Table.Td>{a.typeLabel}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{dateLabel(a.receivedDate)}</Table.Td>
                    <Table.Td>
                      {deadline ? (
                        <Text
                          span
                          fz="sm"
                          fw={deadline.overdue ? 700 : undefined}
                          c={deadline.overdue ? "red.9" : undefined}
                        >
                          {deadline.text}
                        </Text>
                      ) : (
                        texts.noDeadline
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.certificateId ? (
                        <Anchor component={Link} to={`/intyg/${a.certificateId}`}>
                          {texts.openCertificate}
                          <span className="visually-hidden">{` för ${a.patientName}`}</span>
                        </Anchor>
                      ) : (
                        "–"
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
