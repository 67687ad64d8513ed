/**
 * Årsrapport: the report for delårs- and årsbokslut. The chief (and MLU) write the unit's texts
 * for a report period; everyone with the statistics downloads the PDF with the unit's figures,
 * the equality indicators, the komplettering follow-up and those texts.
 */
import { Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useId, useRef, useState } from "react";
import { recentReportPeriods } from "../../annual-report/periods.ts";
import { downloadAnnualReport, useReportTexts, type ReportTexts } from "../api/annual-report.ts";
import { useToday } from "../app/useToday.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { AnnualReportForm, reportFieldLabels } from "./AnnualReportForm.tsx";

const stockholmDay = (instant: string) =>
  new Date(instant).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

const texts = {
  title: "Årsrapport",
  intro:
    "Rapporten för delårs- och årsbokslut: enhetens siffror för perioden uppdelade på kvinnor och män, " +
    "jämställdhetsindikatorerna och uppföljningen av kompletteringar, med enhetens egna texter. " +
    "Perioderna räknas från januari: tertial 1 (januari–april), delår (januari–augusti) och helår.",
  period: "Rapportperiod",
  loading: "Hämtar rapportens texter …",
  download: "Ladda ned rapporten (PDF)",
  downloading: "Skapar rapporten …",
  downloaded: (name: string) => `Rapporten ${name} är nedladdad.`,
  lastSaved: (by: string, at: string, version: number) =>
    `Senast sparad av ${by} ${at} (version ${version}).`,
  none: "Ingen text är skriven ännu.",
};

function ReadOnlyTexts({ report }: { report: ReportTexts }) {
  return (
    <Stack gap="xs" maw={760}>
      {(Object.keys(reportFieldLabels) as (keyof typeof reportFieldLabels)[]).map((field) => (
        <div key={field}>
          <Text fw={600} fz="sm">
            {reportFieldLabels[field]}
          </Text>
          <Text fz="sm" style={{ whiteSpace: "pre-line" }}>
            {report[field] || texts.none}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function DownloadButton({ period }: { period: string }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone("");
    try {
      setDone(texts.downloaded(await downloadAnnualReport(period)));
    } catch (e) {
      setError(e);
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Group>
        <Button variant="outline" loading={busy} onClick={() => void run()}>
          {texts.download}
        </Button>
        <Text role="status" aria-live="polite" fz="sm">
          {busy ? texts.downloading : done}
        </Text>
      </Group>
      {error !== null && <ErrorAlert ref={errorRef} error={error} />}
    </Stack>
  );
}

export function AnnualReportSection() {
  const id = useId();
  const periods = recentReportPeriods(useToday());
  const [period, setPeriod] = useState(periods[0]!.id);
  const report = useReportTexts(period);
  const saved = report.data?.versions[0];
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} id={id}>
        {texts.title}
      </Title>
      <Text maw={760}>{texts.intro}</Text>
      <NativeSelect
        label={texts.period}
        maw={360}
        value={period}
        onChange={(event) => setPeriod(event.currentTarget.value)}
        data={periods.map((p) => ({ value: p.id, label: p.label }))}
      />
      {report.isError && <ErrorAlert error={report.error} />}
      {report.isPending && <Loading label={texts.loading} />}
      {report.data && (
        <>
          {saved && (
            <Text fz="sm">{texts.lastSaved(saved.savedBy, stockholmDay(saved.savedAt), saved.version)}</Text>
          )}
          {report.data.canWrite ? (
            <AnnualReportForm key={period} period={period} texts={report.data} />
          ) : (
            <ReadOnlyTexts report={report.data} />
          )}
          <DownloadButton period={period} />
        </>
      )}
    </Stack>
  );
}
