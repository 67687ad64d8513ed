/**
 * "Sjukfall per läkare": the ongoing cases and those longer than 30 days per doctor who signed the
 * case's current certificate, women and men side by side — every doctor for the chief and the
 * MLU, only the user's own row for a doctor, nothing for others (the API leaves the rows out).
 */
import { Box, Stack, Table, Title } from "@mantine/core";
import type { FurtherFiguresView } from "../../statistics/schema.ts";
import { FigureBlock } from "./FigureBlock.tsx";
import { countText, statisticsTexts as t } from "./labels.ts";

type DoctorRow = FurtherFiguresView["ongoingByDoctor"][number];

const texts = {
  title: "Sjukfall per läkare",
  caption: "Pågående sjukfall och sjukfall längre än 30 dagar per läkare",
  doctor: "Läkare",
  own: " (du)",
  ongoing: "Pågående",
  long: "Längre än 30 dagar",
};

const sexes = [
  ["women", t.women],
  ["men", t.men],
  ["total", t.total],
] as const;

export function DoctorCasesSection({ rows, headingId }: { rows: DoctorRow[]; headingId: string }) {
  if (rows.length === 0) return null;
  const groups = [
    ["ongoing", texts.ongoing],
    ["longerThan30Days", texts.long],
  ] as const;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg">
      <Title order={3} id={headingId}>
        {texts.title}
      </Title>
      <FigureBlock figure="ongoingByDoctor">
        <Box style={{ overflowX: "auto" }} tabIndex={0} role="group" aria-label={texts.caption}>
          <Table withTableBorder striped fz="sm" className="statistics-table">
            <caption>{texts.caption}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{texts.doctor}</Table.Th>
                {groups.flatMap(([group, groupLabel]) =>
                  sexes.map(([sex, sexLabel]) => (
                    <Table.Th scope="col" key={`${group}-${sex}`}>
                      {`${groupLabel}: ${sexLabel.toLowerCase()}`}
                    </Table.Th>
                  )),
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.doctorId}>
                  <Table.Th scope="row" fw={500}>
                    {row.name}
                    {row.own ? texts.own : ""}
                  </Table.Th>
                  {groups.flatMap(([group]) =>
                    sexes.map(([sex]) => (
                      <Table.Td key={`${group}-${sex}`}>{countText(row[group][sex])}</Table.Td>
                    )),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      </FigureBlock>
    </Stack>
  );
}
