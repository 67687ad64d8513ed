/** Export of the figures shown (the chosen period and last year's) as CSV or Excel. */
import {
  downloadStatisticsExport,
  type StatisticsExportFormat,
  type StatisticsQuery,
} from "../api/statistics.ts";
import { DownloadButtons } from "../components/DownloadButtons.tsx";

const texts = {
  export: { csv: "CSV", xlsx: "Excel" } as Record<StatisticsExportFormat, string>,
  exportLabel: (f: string) => `Exportera statistiken som ${f}`,
  note: "Filen innehåller samma siffror och definitioner som sidan, utan patientuppgifter. Varje export loggas.",
};

export function ExportButtons({ query }: { query: StatisticsQuery }) {
  return (
    <DownloadButtons
      formats={texts.export}
      labelOf={texts.exportLabel}
      note={texts.note}
      download={(format) => downloadStatisticsExport(query, format)}
    />
  );
}
