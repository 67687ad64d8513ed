/**
 * "Diagnoskapitel": the ongoing cases by ICD-10-SE chapter of the main diagnosis, women and men side
 * by side, as a table (up to 22 chapters and the unknown row: a chart would not read better).
 */
import { Stack, Text, Title } from "@mantine/core";
import type { FurtherFiguresView } from "../../statistics/schema.ts";
import { FigureBlock } from "./FigureBlock.tsx";
import { SplitTable } from "./SplitTable.tsx";

const texts = {
  title: "Pågående sjukfall per diagnoskapitel",
  chapter: "Diagnoskapitel",
  caption: "Pågående sjukfall per diagnoskapitel (ICD-10-SE)",
  none: "Inga pågående sjukfall.",
};

export function ChapterSection({ further, headingId }: { further: FurtherFiguresView; headingId: string }) {
  const rows = further.ongoingByChapter.map((row) => ({ label: row.label, current: row }));
  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg">
      <Title order={3} id={headingId}>
        {texts.title}
      </Title>
      <FigureBlock figure="ongoingByChapter">
        {rows.length === 0 ? (
          <Text fz="sm">{texts.none}</Text>
        ) : (
          <SplitTable caption={texts.caption} groupHeader={texts.chapter} rows={rows} />
        )}
      </FigureBlock>
    </Stack>
  );
}
