/** The plan's versions, newest first: who saved, when, and what changed from the version before. */
import { Stack, Table, Text, Title } from "@mantine/core";
import { usePlanVersions } from "../api/rehabplan.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { userName } from "../coordination/parts.tsx";
import { dateTimeLabel } from "../format.ts";

const texts = {
  title: "Versioner",
  version: (n: number, event: string) => `Version ${n}: ${event}`,
  by: (who: string, when: string) => `${who}, ${when}`,
  field: "Uppgift",
  before: "Före",
  after: "Efter",
  nothing: "Inga ändringar i innehållet.",
  loading: "Hämtar versionerna …",
};

export function VersionsPanel({ patientId, planId }: { patientId: string; planId: string }) {
  const versions = usePlanVersions(patientId, planId);
  if (versions.isPending) return <Loading label={texts.loading} />;
  if (versions.isError) return <ErrorAlert error={versions.error} />;
  return (
    <Stack gap="md">
      <Title order={3} fz="h4">
        {texts.title}
      </Title>
      {versions.data.map((v) => (
        <section key={v.version} aria-label={texts.version(v.version, v.eventLabel)}>
          <Title order={4} fz="md">
            {texts.version(v.version, v.eventLabel)}
          </Title>
          <Text fz="sm" c="dimmed">
            {texts.by(userName(v.savedBy), dateTimeLabel(v.savedAt))}
          </Text>
          {v.changes.length === 0 ? (
            <Text fz="sm">{texts.nothing}</Text>
          ) : (
            <Table withTableBorder mt="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{texts.field}</Table.Th>
                  <Table.Th scope="col">{texts.before}</Table.Th>
                  <Table.Th scope="col">{texts.after}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.changes.map((c, i) => (
                  <Table.Tr key={i}>
                    <Table.Th scope="row">{c.label}</Table.Th>
                    <Table.Td>{c.before}</Table.Td>
                    <Table.Td>{c.after}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      ))}
    </Stack>
  );
}
