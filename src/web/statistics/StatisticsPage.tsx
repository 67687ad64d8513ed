/**
 * Statistik (issue 10): the unit's sick-leave figures split by women and men — now, over time and
 * the komplettering follow-up — each with its written definition, a chart and a table, for a
 * period of the user's choice beside the same period a year earlier; a regional analyst sees every
 * unit of the region with small counts hidden. Export to CSV and Excel.
 */
import { Alert, Stack, Text, Title } from "@mantine/core";
import { useId } from "react";
import { useSearchParams } from "react-router";
import { statisticsDefinitions } from "../../statistics/definitions.ts";
import {
  useStatistics,
  type PeriodKind,
  type StatisticsQuery,
  type StatisticsResponse,
} from "../api/statistics.ts";
import { useToday } from "../app/useToday.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { AnnualReportSection } from "./AnnualReportSection.tsx";
import { AnswerTimeSection } from "./AnswerTimeSection.tsx";
import { ChapterSection } from "./ChapterSection.tsx";
import { DoctorCasesSection } from "./DoctorCasesSection.tsx";
import { EqualitySection } from "./EqualitySection.tsx";
import { ExportButtons } from "./ExportButtons.tsx";
import { KompletteringSection } from "./KompletteringSection.tsx";
import { LongCasesSection } from "./LongCasesSection.tsx";
import { NowSection } from "./NowSection.tsx";
import { PeriodPicker } from "./PeriodPicker.tsx";
import { RegionOverview } from "./RegionOverview.tsx";
import { defaultQuery } from "./query.ts";
import { TrendSection } from "./TrendSection.tsx";

const texts = {
  title: "Statistik",
  loading: "Hämtar statistiken …",
  intro:
    "Sjukskrivningen på enheten uppdelad på kvinnor och män, jämförd med samma period ett år tidigare. " +
    "Varje siffra har sin definition bredvid sig. Statistiken innehåller inga patientuppgifter.",
  region: "Regionens enheter",
  suppressed: (n: number) =>
    `Antal under ${n} visas som "dolt", och även de antal som annars skulle kunna räknas fram ur totalerna.`,
  basis: "Så räknas siffrorna",
};

const kinds: readonly string[] = ["month", "quarter", "year"];

function useQueryState(): [StatisticsQuery, (q: StatisticsQuery) => void] {
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const fallback = defaultQuery(today);
  const by = params.get("by") ?? "";
  const query: StatisticsQuery = {
    from: params.get("from") ?? fallback.from,
    to: params.get("to") ?? fallback.to,
    by: kinds.includes(by) ? (by as PeriodKind) : fallback.by,
  };
  return [query, (q) => setParams({ from: q.from, to: q.to, by: q.by }, { replace: true })];
}

/** The id of a unit's heading: the region overview links to it. */
const unitAnchor = (unitId: string) => `enhet-${unitId.replace(/[^A-Za-z0-9_-]/g, "")}`;

function UnitBlock({
  entry,
  answer,
}: {
  entry: StatisticsResponse["units"][number];
  answer: StatisticsResponse;
}) {
  const id = useId();
  const { current, lastYear } = entry;
  return (
    <Stack component="section" aria-labelledby={unitAnchor(entry.unit.id)} gap="xl">
      <Title order={2} id={unitAnchor(entry.unit.id)}>
        {entry.unit.name}
      </Title>
      <NowSection
        current={current}
        lastYear={lastYear}
        sjuktal={entry.further.sjuktal}
        suppressed={answer.suppress > 0}
        headingId={`${id}-now`}
      />
      <EqualitySection further={entry.further} headingId={`${id}-equality`} />
      <ChapterSection further={entry.further} headingId={`${id}-chapter`} />
      <LongCasesSection long={entry.further.longCases} headingId={`${id}-long`} />
      <DoctorCasesSection rows={entry.further.ongoingByDoctor} headingId={`${id}-doctors`} />
      <TrendSection current={current} lastYear={lastYear} headingId={`${id}-trend`} />
      <KompletteringSection
        current={current}
        lastYear={lastYear}
        doctors={answer.doctors}
        suppressed={answer.suppress > 0}
        headingId={`${id}-komplt`}
      />
      <AnswerTimeSection times={entry.answerTimes} headingId={`${id}-answer-time`} />
    </Stack>
  );
}

function Basis({ suppress }: { suppress: number }) {
  const keys = suppress > 0 ? (["sex", "sjukfall", "suppression"] as const) : (["sex", "sjukfall"] as const);
  return (
    <Stack gap={4} component="section" aria-label={texts.basis}>
      {keys.map((key) => (
        <Text fz="sm" key={key} maw={760}>
          <Text span fw={600} fz="sm">
            {statisticsDefinitions[key].label}:
          </Text>{" "}
          {statisticsDefinitions[key].definition}
        </Text>
      ))}
    </Stack>
  );
}

export function StatisticsPage() {
  const [query, setQuery] = useQueryState();
  const statistics = useStatistics(query);
  const answer = statistics.data;
  return (
    <Stack gap="lg">
      <PageTitle title={texts.title} />
      <Text maw={760}>{texts.intro}</Text>
      <PeriodPicker key={`${query.from}|${query.to}|${query.by}`} value={query} onChange={setQuery} />
      <ExportButtons query={query} />
      {statistics.isError && <ErrorAlert error={statistics.error} />}
      {statistics.isPending && <Loading label={texts.loading} />}
      {answer && (
        <>
          {answer.suppress > 0 && (
            <Alert color="blue" variant="light" title={texts.region}>
              {texts.suppressed(answer.suppress)}
            </Alert>
          )}
          <Basis suppress={answer.suppress} />
          {answer.scope === "REGION" && <RegionOverview answer={answer} anchorOf={unitAnchor} />}
          {answer.units.map((entry) => (
            <UnitBlock key={entry.unit.id} entry={entry} answer={answer} />
          ))}
          {answer.scope === "UNIT" && <AnnualReportSection />}
        </>
      )}
    </Stack>
  );
}
