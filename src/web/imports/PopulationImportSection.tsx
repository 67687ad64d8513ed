/**
 * Import of the unit's listed population (listade patienter per månad, kön och åldersgrupp) from
 * the region's listing system: the denominator of sjuktal. The whole file or nothing; a month
 * imported again is replaced.
 */
import { Alert, Code, List, Stack, Table, Text } from "@mantine/core";
import { useId } from "react";
import { ApiError } from "../api/client.ts";
import { useImportPopulation, type MonthOutcome, type PopulationImportReport } from "../api/population.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FileUploadForm } from "./FileUploadForm.tsx";

const texts = {
  title: "Listade patienter (underlag för sjuktal)",
  intro:
    "Här läser du in hur många patienter enheten listar, per månad, kön och åldersgrupp, från regionens listningssystem. Sjuktalet (sjukskrivna per 1 000 listade patienter) räknas med dem. En månad som läses in igen ersätts helt. En månad som inte lästs in räknas med den senaste tidigare inlästa månaden.",
  allOrNothing:
    "Filen läses in i sin helhet eller inte alls: en rad med fel stoppar hela filen, och du får veta vilken rad och kolumn som är fel.",
  format: "CSV-fil (UTF-8, semikolon) med rubrikraden och en rad per månad, kön och åldersgrupp:",
  values: [
    ["enhet", "enhetens id i Samsyn eller dess HSA-id (bara enheten du arbetar på)"],
    ["månad", "ÅÅÅÅ-MM"],
    ["kön", "K (kvinnor) eller M (män)"],
    ["åldersgrupp", "0-15, 16-19, 20-29, 30-39, 40-49, 50-59, 60-64, 65-69 eller 70+"],
    ["antal", "antal listade patienter"],
  ],
  file: "Fil med listade patienter",
  fileDescription: "CSV-fil, högst 1 MB.",
  submit: "Importera listning",
  refused: "Filen lästes inte in",
  resultTitle: "Resultat av listningsimporten",
  summary: (r: PopulationImportReport) =>
    [
      `${r.created} ${r.created === 1 ? "ny månad" : "nya månader"}`,
      `${r.replaced} ${r.replaced === 1 ? "ersatt" : "ersatta"}`,
      `${r.unchanged} ${r.unchanged === 1 ? "oförändrad" : "oförändrade"}`,
    ].join(", ") + ".",
  month: "Månad",
  outcome: "Resultat",
  women: "Kvinnor",
  men: "Män",
  total: "Totalt",
  outcomes: {
    CREATED: "Ny",
    REPLACED: "Ersatt",
    UNCHANGED: "Oförändrad",
  } satisfies Record<MonthOutcome, string>,
};

const example = (unitId: string) => `enhet;månad;kön;åldersgrupp;antal\n${unitId};2026-10;K;30-39;812`;

export function PopulationImportSection() {
  const me = useSession();
  const upload = useImportPopulation();
  const titleId = useId();

  if (!me.unit || !can(me, "population.import")) return null;

  return (
    <Stack component="section" aria-labelledby={titleId} gap="md">
      <Text component="h2" id={titleId} fw={700} fz="lg">
        {texts.title}
      </Text>
      <Text maw={720}>{texts.intro}</Text>
      <Text maw={720}>{texts.allOrNothing}</Text>
      <div>
        <Text mb="xs">{texts.format}</Text>
        <Code block>{example(me.unit.id)}</Code>
        <List spacing={4} mt="xs" size="sm">
          {texts.values.map(([column, value]) => (
            <List.Item key={column}>
              <Code>{column}</Code>: {value}
            </List.Item>
          ))}
        </List>
      </div>
      <FileUploadForm
        label={texts.file}
        description={texts.fileDescription}
        accept=".csv,text/csv"
        clearLabel="Ta bort vald fil med listade patienter"
        submitLabel={texts.submit}
        pending={upload.isPending}
        onChange={() => upload.reset()}
        onSubmit={(_file, text) => {
          upload.mutate(text);
          return null;
        }}
      />
      {upload.isError && <PopulationImportError error={upload.error} />}
      {upload.data && <PopulationImportResult report={upload.data} />}
    </Stack>
  );
}

/** A refused file: every bad row and column, or the server's message. */
function PopulationImportError({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.issues.length === 0) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" title={texts.refused} role="alert" my="md">
      <List spacing={4} size="sm">
        {error.issues.map((issue) => (
          <List.Item key={`${issue.path}-${issue.message}`}>{issue.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function PopulationImportResult({ report }: { report: PopulationImportReport }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} aria-live="polite">
      <Text component="h3" id={titleId} fw={700} mb="xs">
        {texts.resultTitle}
      </Text>
      <Alert color="green" variant="light" role="status" mb="md">
        {texts.summary(report)}
      </Alert>
      <Table striped withTableBorder maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{texts.month}</Table.Th>
            <Table.Th scope="col">{texts.outcome}</Table.Th>
            <Table.Th scope="col">{texts.women}</Table.Th>
            <Table.Th scope="col">{texts.men}</Table.Th>
            <Table.Th scope="col">{texts.total}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.months.map((m) => (
            <Table.Tr key={`${m.unitId}/${m.month}`}>
              <Table.Th scope="row">{m.month}</Table.Th>
              <Table.Td>{texts.outcomes[m.outcome]}</Table.Td>
              <Table.Td>{m.women.toLocaleString("sv-SE")}</Table.Td>
              <Table.Td>{m.men.toLocaleString("sv-SE")}</Table.Td>
              <Table.Td>{m.total.toLocaleString("sv-SE")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
