/** "Över tid": new cases per period, beside the same periods a year earlier. */
import { Stack, Title } from "@mantine/core";
import type { UnitFigures } from "../api/statistics.ts";
import { FigureBlock } from "./FigureBlock.tsx";
import { SplitChart } from "./NowSection.tsx";
import { SplitTable } from "./SplitTable.tsx";

const texts = {
  title: (from: string, to: string) => `Över tid (${from} – ${to})`,
  period: "Period",
  newCases: "Nya sjukfall per period",
  caption: "Nya sjukfall per period (inom parentes perioden ett år tidigare)",
};

export function TrendSection({
  current,
  lastYear,
  headingId,
}: {
  current: UnitFigures;
  lastYear: UnitFigures;
  headingId: string;
}) {
  const rows = current.newCases.map((row, i) => ({
    label: row.period,
    current: row,
    lastYear: lastYear.newCases[i],
    lastYearLabel: lastYear.newCases[i]?.period,
  }));
  return (
    <Stack component="section" aria-labelledby={headingId} gap="lg">
      <Title order={3} id={headingId}>
        {texts.title(current.from, current.to)}
      </Title>
      <FigureBlock
        figure="newCases"
        chart={
          <SplitChart
            title={texts.newCases}
            rows={rows.map((r) => ({ label: r.label, counts: r.current }))}
          />
        }
      >
        <SplitTable caption={texts.caption} groupHeader={texts.period} rows={rows} />
      </FigureBlock>
    </Stack>
  );
}
