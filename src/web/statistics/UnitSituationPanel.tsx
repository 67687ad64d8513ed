/**
 * The unit's situation today for the rehabkoordinator's start page, as Rehabstöd's overview shows
 * it and more: ongoing cases, by length and by grade, women and men side by side, beside the same
 * day a year ago, with the definitions; the full statistics are one link away.
 */
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { Link } from "react-router";
import { statisticsDefinitions } from "../../statistics/definitions.ts";
import { useStatistics } from "../api/statistics.ts";
import { useToday } from "../app/useToday.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { dateLabel } from "../format.ts";
import { bucketLabel, gradeLabel, statisticsTexts as t } from "./labels.ts";
import { defaultQuery } from "./query.ts";
import { SplitTable } from "./SplitTable.tsx";

const texts = {
  title: (today: string) => `Enhetens läge ${dateLabel(today)}`,
  loading: "Hämtar enhetens läge …",
  ongoing: statisticsDefinitions.ongoing.label,
  length: "Längd",
  grade: "Grad",
  comparedWith: (day: string) => `jämfört med ${dateLabel(day)}`,
  more: "Mer statistik: över tid, kompletteringar och export",
};

export function UnitSituationPanel() {
  const id = useId();
  const today = useToday();
  const statistics = useStatistics(defaultQuery(today));
  const entry = statistics.data?.units[0];
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md">
      <Stack gap="sm">
        <Title order={2} id={id}>
          {texts.title(today)}
        </Title>
        {statistics.isError && <ErrorAlert error={statistics.error} />}
        {statistics.isPending && <Loading label={texts.loading} />}
        {entry && (
          <>
            <Text fz="sm" maw={760}>
              {statisticsDefinitions.ongoing.definition} {statisticsDefinitions.sex.definition}
            </Text>
            <SplitTable
              caption={`${texts.ongoing}, ${texts.comparedWith(entry.lastYear.today)}`}
              groupHeader={t.count}
              rows={[
                { label: texts.ongoing, current: entry.current.ongoing, lastYear: entry.lastYear.ongoing },
              ]}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <SplitTable
                caption={statisticsDefinitions.ongoingByLength.label}
                groupHeader={texts.length}
                rows={entry.current.ongoingByLength.map((row) => ({
                  label: bucketLabel(row.bucket),
                  current: row,
                }))}
              />
              <SplitTable
                caption={statisticsDefinitions.ongoingByGrade.label}
                groupHeader={texts.grade}
                rows={entry.current.ongoingByGrade.map((row) => ({
                  label: gradeLabel(row.grade),
                  current: row,
                }))}
              />
            </SimpleGrid>
            <Anchor component={Link} to="/statistik">
              {texts.more}
            </Anchor>
          </>
        )}
      </Stack>
    </Paper>
  );
}
