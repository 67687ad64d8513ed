/** Export of the figures shown (the chosen period and last year's) as CSV or Excel. */
import { Button, Group, Stack, Text } from "@mantine/core";
import { useId, useRef, useState } from "react";
import {
  downloadStatisticsExport,
  type StatisticsExportFormat,
  type StatisticsQuery,
} from "../api/statistics.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";

const texts = {
  title: "Exportera",
  export: { csv: "CSV", xlsx: "Excel" } as Record<StatisticsExportFormat, string>,
  exportLabel: (f: string) => `Exportera statistiken som ${f}`,
  note: "Filen innehåller samma siffror och definitioner som sidan, utan patientuppgifter. Varje export loggas.",
  exported: (name: string) => `Filen ${name} är nedladdad.`,
  exporting: "Exporterar …",
};

export function ExportButtons({ query }: { query: StatisticsQuery }) {
  const id = useId();
  const [busy, setBusy] = useState<StatisticsExportFormat | null>(null);
  const [done, setDone] = useState("");
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const run = async (format: StatisticsExportFormat) => {
    setBusy(format);
    setError(null);
    setDone("");
    try {
      setDone(texts.exported(await downloadStatisticsExport(query, format)));
    } catch (e) {
      setError(e);
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap={4} component="section" aria-labelledby={id}>
      <Text fw={500} fz="sm" id={id}>
        {texts.title}
      </Text>
      <Group gap="xs">
        {(Object.keys(texts.export) as StatisticsExportFormat[]).map((format) => (
          <Button
            key={format}
            variant="outline"
            size="sm"
            loading={busy === format}
            disabled={busy !== null && busy !== format}
            onClick={() => void run(format)}
            aria-label={texts.exportLabel(texts.export[format])}
          >
            {texts.export[format]}
          </Button>
        ))}
      </Group>
      <Text fz="xs" maw={460}>
        {texts.note}
      </Text>
      <Text role="status" fz="sm" aria-live="polite">
        {busy ? texts.exporting : done}
      </Text>
      {error !== null && <ErrorAlert ref={errorRef} error={error} />}
    </Stack>
  );
}
