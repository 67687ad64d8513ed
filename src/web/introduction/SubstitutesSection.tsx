/** The chief's view of the unit's substitutes: how far each has come with the first-day package. */
import { Stack, Table, Text, Title } from "@mantine/core";
import { useUnitIntroductions } from "../api/introduction.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";

const texts = {
  heading: "Vikariers introduktion",
  intro: "Vikarier och hyrläkare med uppdrag på enheten i dag och deras checklista för första dagen.",
  loading: "Hämtar vikarierna …",
  empty: "Enheten har inga vikarier eller hyrläkare i dag. Markera uppdraget under Administration.",
  caption: "Vikarier och hyrläkare och hur långt de har kommit",
  name: "Namn",
  engagement: "Anställningsform",
  period: "Uppdrag",
  progress: "Klart",
  missing: "Kvar att göra",
  open: "–",
};

export function SubstitutesSection() {
  const overview = useUnitIntroductions(true);
  return (
    <Stack gap="xs" component="section" aria-labelledby="vikariers-introduktion">
      <Title order={2} id="vikariers-introduktion">
        {texts.heading}
      </Title>
      <Text fz="sm">{texts.intro}</Text>
      {overview.isPending && <Loading label={texts.loading} />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {overview.data?.substitutes.length === 0 && <Text>{texts.empty}</Text>}
      {overview.data && overview.data.substitutes.length > 0 && (
        <Table striped>
          <Table.Caption>{texts.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{texts.name}</Table.Th>
              <Table.Th>{texts.engagement}</Table.Th>
              <Table.Th>{texts.period}</Table.Th>
              <Table.Th>{texts.progress}</Table.Th>
              <Table.Th>{texts.missing}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.data.substitutes.map((s) => (
              <Table.Tr key={s.userId}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{s.engagementLabel}</Table.Td>
                <Table.Td>
                  {s.since ?? texts.open} – {s.until ?? texts.open}
                </Table.Td>
                <Table.Td>
                  {s.done} av {s.total}
                </Table.Td>
                <Table.Td>{s.missing.join(", ") || texts.open}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
