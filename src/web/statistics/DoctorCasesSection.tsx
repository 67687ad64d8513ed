/**
 * "Sjukfall per läkare": the ongoing cases and those longer than 30 days per doctor who signed the
 * case's current certificate, women and men side by side — every doctor for the chief and the
 * MLU, only the user's own row for a doctor, nothing for others (the API leaves the rows out).
 */
import { Box, Stack, Title } from "@mantine/core";
import type { FurtherFiguresView } from "../../statistics/schema.ts";
import { DoctorTable } from "./DoctorTable.tsx";
import { FigureBlock } from "./FigureBlock.tsx";
import { countText, statisticsTexts as t } from "./labels.ts";

type DoctorRow = FurtherFiguresView["ongoingByDoctor"][number];

const texts = {
  title: "Sjukfall per läkare",
  caption: "Pågående sjukfall och sjukfall längre än 30 dagar per läkare",
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
          <DoctorTable
            caption={texts.caption}
            rows={rows}
            columns={groups.flatMap(([group, groupLabel]) =>
              sexes.map(([sex, sexLabel]) => ({
                header: `${groupLabel}: ${sexLabel.toLowerCase()}`,
                cell: (row: DoctorRow) => countText(row[group][sex]),
              })),
            )}
          />
        </Box>
      </FigureBlock>
    </Stack>
  );
}
