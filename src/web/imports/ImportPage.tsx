/**
 * The import page. Certificates written in another system: the file is checked row by row on the
 * server, valid rows are stored (the same file twice changes nothing) and every rejected row says
 * why. Then ärenden from Försäkringskassan and the unit's listed population, each shown to those
 * who may import it.
 */
import { Alert, Code, List, Stack, Table, Text } from "@mantine/core";
import { importFormatOf, useImportCertificates, type ImportReport } from "../api/imports.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { ArendeImportSection } from "./ArendeImportSection.tsx";
import { FileUploadForm } from "./FileUploadForm.tsx";
import { PopulationImportSection } from "./PopulationImportSection.tsx";

const texts = {
  title: "Importera intyg",
  populationTitle: "Importera listning",
  intro:
    "Här läser du in sjukintyg som skrivits i ett annat journalsystem, så att de räknas i enhetens sjukfall. Varje rad kontrolleras för sig; rader med fel läses inte in och du får veta varför. Samma fil kan läsas in flera gånger utan att något dubbleras.",
  formats: "Filformat",
  jsonFormat: "JSON: en lista med intyg i samma format som kommandot samsyn sjukfall läser.",
  csvFormat: "CSV (semikolon eller komma), en rad per period, med rubrikraden:",
  file: "Fil att importera",
  fileDescription: "CSV- eller JSON-fil, högst 1 MB.",
  submit: "Importera",
  resultTitle: "Resultat av importen",
  created: "Nya intyg",
  updated: "Uppdaterade intyg",
  unchanged: "Oförändrade intyg",
  patientsCreated: "Nya patienter",
  rejectedTitle: (n: number) => (n === 1 ? "1 rad lästes inte in" : `${n} rader lästes inte in`),
  noneRejected: "Alla rader lästes in.",
  row: "Rad",
  id: "Intygs-id",
  reasons: "Orsak",
};

const csvHeader =
  "id;patient;unit;doctor;signed;diagnosis;from;to;grade;smittbararpenning;status;replaces;completes";

export function ImportPage() {
  const me = useSession();
  const certificates = can(me, "certificate.import");
  return (
    <Stack gap="lg">
      {/* The unit chief imports only the listing: the title says what the page is for them. */}
      <PageTitle title={certificates ? texts.title : texts.populationTitle} />
      {certificates && <CertificateImport />}
      <ArendeImportSection />
      <PopulationImportSection />
    </Stack>
  );
}

function CertificateImport() {
  const upload = useImportCertificates();
  return (
    <>
      <Text maw={720}>{texts.intro}</Text>
      <section aria-labelledby="import-format">
        <Text component="h2" id="import-format" fw={700} fz="lg" mb="xs">
          {texts.formats}
        </Text>
        <List spacing="xs">
          <List.Item>{texts.jsonFormat}</List.Item>
          <List.Item>
            {texts.csvFormat} <Code>{csvHeader}</Code>
          </List.Item>
        </List>
      </section>
      <FileUploadForm
        label={texts.file}
        description={texts.fileDescription}
        accept=".csv,.json,text/csv,application/json"
        clearLabel="Ta bort vald fil"
        submitLabel={texts.submit}
        pending={upload.isPending}
        onChange={() => upload.reset()}
        onSubmit={(file, text) => {
          upload.mutate({ text, format: importFormatOf(file.name, text) });
          return null;
        }}
      />
      {upload.isError && <ErrorAlert error={upload.error} />}
      {upload.data && <ImportResult report={upload.data} />}
    </>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  return (
    <section aria-labelledby="import-result" aria-live="polite">
      <Text component="h2" id="import-result" fw={700} fz="lg" mb="xs">
        {texts.resultTitle}
      </Text>
      <Table withTableBorder maw={360} mb="md">
        <Table.Tbody>
          {(
            [
              [texts.created, report.created],
              [texts.updated, report.updated],
              [texts.unchanged, report.unchanged],
              [texts.patientsCreated, report.patientsCreated],
            ] as const
          ).map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {report.rejected.length === 0 ? (
        <Alert color="green" variant="light" role="status">
          {texts.noneRejected}
        </Alert>
      ) : (
        <>
          <Text component="h3" fw={700} mb="xs">
            {texts.rejectedTitle(report.rejected.length)}
          </Text>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{texts.row}</Table.Th>
                <Table.Th scope="col">{texts.id}</Table.Th>
                <Table.Th scope="col">{texts.reasons}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rejected.map((rejected) => (
                <Table.Tr key={`${rejected.row}-${rejected.id ?? ""}`}>
                  <Table.Td>{rejected.row}</Table.Td>
                  <Table.Td>{rejected.id ?? "–"}</Table.Td>
                  <Table.Td>{rejected.reasons.join("; ")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </section>
  );
}
