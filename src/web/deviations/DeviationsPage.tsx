/**
 * Avvikelser: report a deviation in the sick-leave process and follow it. Staff see their own
 * reports; the chief and MLU every deviation of the unit and the statistics per category.
 * `?patient=<id>` (from a patient's page) ties the report to that patient.
 */
import { Anchor, Badge, Button, Container, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useDeviations } from "../api/deviations.ts";
import { useToday } from "../app/useToday.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { DeviationStatisticsSection } from "./DeviationStatisticsSection.tsx";
import { ReportDeviationForm } from "./ReportDeviationForm.tsx";

const texts = {
  title: "Avvikelser",
  loading: "Hämtar avvikelserna …",
  report: "Rapportera avvikelse",
  reportHeading: "Ny avvikelse",
  listAll: "Enhetens avvikelser",
  listMine: "Mina rapporterade avvikelser",
  empty: "Inga avvikelser.",
  caption: "Avvikelser med datum, kategori, status och öppna åtgärder",
  date: "Datum",
  category: "Kategori",
  status: "Status",
  reporter: "Rapporterad av",
  actions: "Öppna åtgärder",
  lexMaria: "Överväg lex Maria",
  patient: "Gäller patient",
};

export function DeviationsPage() {
  const list = useDeviations();
  const today = useToday();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const patientId = params.get("patient");
  const [reporting, setReporting] = useState(patientId !== null);
  const data = list.data;
  return (
    <Container component="main" size="lg" py="md">
      <PageTitle title={texts.title} />
      <Stack gap="lg">
        {reporting ? (
          <section aria-labelledby="ny-avvikelse">
            <Title order={2} id="ny-avvikelse">
              {texts.reportHeading}
            </Title>
            <ReportDeviationForm
              today={today}
              patientId={patientId}
              onDone={(created) => (created ? navigate(`/avvikelser/${created.id}`) : setReporting(false))}
            />
          </section>
        ) : (
          <Group>
            <Button onClick={() => setReporting(true)}>{texts.report}</Button>
          </Group>
        )}
        {list.isPending && <Loading label={texts.loading} />}
        {list.isError && <ErrorAlert error={list.error} />}
        {data && (
          <Stack gap="xs" component="section" aria-labelledby="avvikelser-lista">
            <Title order={2} id="avvikelser-lista">
              {data.canManage ? texts.listAll : texts.listMine}
            </Title>
            {data.deviations.length === 0 ? (
              <Text>{texts.empty}</Text>
            ) : (
              <Table striped>
                <Table.Caption>{texts.caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{texts.date}</Table.Th>
                    <Table.Th>{texts.category}</Table.Th>
                    <Table.Th>{texts.status}</Table.Th>
                    <Table.Th>{texts.reporter}</Table.Th>
                    <Table.Th>{texts.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.deviations.map((d) => (
                    <Table.Tr key={d.id} data-deviation={d.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/avvikelser/${d.id}`}>
                          {d.occurredOn}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {d.categoryLabel} {d.hasPatient && <Badge color="gray.7">{texts.patient}</Badge>}
                      </Table.Td>
                      <Table.Td>
                        {d.statusLabel} {d.lexMaria && <Badge color="red.9">{texts.lexMaria}</Badge>}
                      </Table.Td>
                      <Table.Td>{d.reportedBy.name}</Table.Td>
                      <Table.Td>{d.openActions}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
        {data?.canManage && <DeviationStatisticsSection today={today} />}
      </Stack>
    </Container>
  );
}
