/**
 * Spårbarhet: every ongoing case over 30 days on the unit and what it lacks — decision, consent,
 * kartläggande samtal, plan, responsible, planned end, follow-up — with its team status; filtered,
 * exported as CSV, each line linking to the patient.
 */
import { Anchor, Checkbox, Group, List, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import {
  gapIds,
  gaps,
  teamStatusIds,
  teamStatuses,
  type Gap,
  type TeamStatus,
} from "../../traceability/rules.ts";
import { downloadTraceability, useTraceability, type TraceabilityFilter } from "../api/traceability.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { DownloadButtons } from "../components/DownloadButtons.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { dateLabel } from "../format.ts";

const texts = {
  title: "Spårbarhet",
  intro:
    "Pågående sjukfall över 30 dagar på enheten och vad som saknas för att sjukskrivningsprocessen ska vara spårbar.",
  gap: "Saknas",
  anyGap: "Allt som saknas",
  teamStatus: "Teamstatus",
  anyStatus: "Alla",
  all: "Visa även sjukfall där inget saknas",
  loading: "Hämtar sjukfallen …",
  summary: (long: number, gaps: number) =>
    `${long} pågående sjukfall över 30 dagar, ${gaps} med något som saknas.`,
  shown: (n: number) => `${n} visas.`,
  empty: "Inga sjukfall att visa.",
  caption: "Sjukfall över 30 dagar och vad som saknas",
  columns: ["Patient", "Start", "Längd", "Läkare", "Beslut", "Teamstatus", "Saknas", "Nästa uppföljning"],
  days: (n: number) => `${n} dagar`,
  nothing: "Inget",
  noDecision: "Inget beslut",
  export: { csv: "CSV" },
  exportLabel: (format: string) => `Exportera spårbarheten som ${format}`,
  exportNote: "Exporten innehåller namn och personnummer och loggas per patient.",
};

export function TraceabilityPage() {
  const [filter, setFilter] = useState<TraceabilityFilter>({ gap: "", teamStatus: "", all: false });
  const list = useTraceability(filter);

  return (
    <Stack gap="lg">
      <PageTitle title={texts.title} />
      <Text>{texts.intro}</Text>
      <Group align="end" wrap="wrap">
        <NativeSelect
          label={texts.gap}
          value={filter.gap}
          onChange={(e) => setFilter({ ...filter, gap: e.currentTarget.value as Gap | "" })}
          data={[{ value: "", label: texts.anyGap }, ...gapIds.map((g) => ({ value: g, label: gaps[g] }))]}
        />
        <NativeSelect
          label={texts.teamStatus}
          value={filter.teamStatus}
          onChange={(e) => setFilter({ ...filter, teamStatus: e.currentTarget.value as TeamStatus | "" })}
          data={[
            { value: "", label: texts.anyStatus },
            ...teamStatusIds.map((s) => ({ value: s, label: teamStatuses[s] })),
          ]}
        />
        <Checkbox
          label={texts.all}
          checked={filter.all}
          onChange={(e) => setFilter({ ...filter, all: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
      <DownloadButtons
        formats={texts.export}
        labelOf={texts.exportLabel}
        note={texts.exportNote}
        download={() => downloadTraceability(filter)}
      />
      {list.isPending && <Loading label={texts.loading} />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <Text role="status">
            {texts.summary(list.data.longCases, list.data.withGaps)} {texts.shown(list.data.rows.length)}
          </Text>
          {list.data.rows.length === 0 ? <Text>{texts.empty}</Text> : <Rows rows={list.data.rows} />}
        </>
      )}
    </Stack>
  );
}

function Rows({ rows }: { rows: NonNullable<ReturnType<typeof useTraceability>["data"]>["rows"] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-traceability>
        <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {texts.columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.patientId}-${r.start}`}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/patienter/${r.patientId}`}>
                  {r.name}
                </Anchor>
                <Text fz="sm">{r.personnummer}</Text>
              </Table.Th>
              <Table.Td>{dateLabel(r.start)}</Table.Td>
              <Table.Td>{texts.days(r.days)}</Table.Td>
              <Table.Td>{r.doctorName ?? "–"}</Table.Td>
              <Table.Td>{r.decision ?? texts.noDecision}</Table.Td>
              <Table.Td>{r.teamStatusLabel}</Table.Td>
              <Table.Td>
                {r.missingLabels.length === 0 ? (
                  texts.nothing
                ) : (
                  <List fz="sm" spacing={0}>
                    {r.missingLabels.map((m) => (
                      <List.Item key={m}>{m}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              <Table.Td>{dateLabel(r.nextFollowUp)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
