/**
 * "Sjukfall längre än 30 dagar": the long ongoing cases and how many of them were decided, reached
 * the multimodal team and got a rehab plan, women and men side by side.
 */
import { List, Stack, Table, Text, Title } from "@mantine/core";
import { statisticsDefinitions as d } from "../../statistics/definitions.ts";
import type { FurtherFiguresView } from "../../statistics/schema.ts";
import { FigureBlock } from "./FigureBlock.tsx";
import { countText, statisticsTexts as t } from "./labels.ts";

type LongCases = FurtherFiguresView["longCases"];

const texts = {
  title: "Uppföljning av sjukfall längre än 30 dagar",
  caption: "Pågående sjukfall längre än 30 dagar och deras uppföljning",
  figure: "Mått",
};

const rows = (long: LongCases) =>
  [
    { key: "longCases", counts: long.longCases },
    { key: "longCasesDecided", counts: long.decided },
    { key: "longCasesReachedTeam", counts: long.reachedTeam },
    { key: "longCasesWithPlan", counts: long.withPlan },
  ] as const;

function LongCasesTable({ long }: { long: LongCases }) {
  const cell = (value: number | null) => countText(value);
  return (
    <Table striped withTableBorder fz="sm" maw={640}>
      <caption>{texts.caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.figure}</Table.Th>
          <Table.Th scope="col">{t.women}</Table.Th>
          <Table.Th scope="col">{t.men}</Table.Th>
          <Table.Th scope="col">{t.total}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows(long).map(({ key, counts }) => (
          <Table.Tr key={key}>
            <Table.Th scope="row" fw={500}>
              {d[key].label}
            </Table.Th>
            <Table.Td>{cell(counts.women)}</Table.Td>
            <Table.Td>{cell(counts.men)}</Table.Td>
            <Table.Td>{cell(counts.total)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function LongCasesSection({ long, headingId }: { long: LongCases; headingId: string }) {
  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg">
      <Title order={3} id={headingId}>
        {texts.title}
      </Title>
      <FigureBlock figure="longCases">
        <Stack gap="xs">
          <LongCasesTable long={long} />
          {/* The definitions of the follow-up rows, beside the table. */}
          <List fz="sm" maw={760} spacing={2}>
            {(["longCasesDecided", "longCasesReachedTeam", "longCasesWithPlan"] as const).map((key) => (
              <List.Item key={key} data-definition={key}>
                <Text span fw={600} fz="sm">
                  {d[key].label}:
                </Text>{" "}
                {d[key].definition}
              </List.Item>
            ))}
          </List>
        </Stack>
      </FigureBlock>
    </Stack>
  );
}
