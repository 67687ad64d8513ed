/**
 * Import of what Försäkringskassan sent (kompletteringar and other ärenden) from a file: each
 * message is matched to its certificate on the server and becomes an ärende at the patient; the
 * same message twice creates one ärende, and a message that does not fit says why.
 */
import { Alert, Anchor, Code, Stack, Table, Text } from "@mantine/core";
import { useId } from "react";
import { Link } from "react-router";
import { InboundFormatError, inboundMessagesOf } from "../../arenden/inbound.ts";
import { useImportArenden, type ArendeImportOutcome, type ArendeImportReport } from "../api/arendeImport.ts";
import { can, useSession } from "../app/session.tsx";
import { FileUploadForm } from "./FileUploadForm.tsx";

const texts = {
  uploadFailed: "Ärendena kunde inte importeras",
  title: "Ärenden från Försäkringskassan",
  intro:
    "Här läser du in kompletteringar och andra ärenden som Försäkringskassan skickat, så att de inte behöver skrivas in för hand. Varje meddelande kopplas till intyget det gäller och blir ett ärende hos patienten. Samma meddelande läses bara in en gång.",
  format: "Filen är JSON med ett meddelande eller en lista med meddelanden, till exempel:",
  file: "Fil med ärenden",
  fileDescription: "JSON-fil, högst 1 MB.",
  submit: "Importera ärenden",
  resultTitle: "Resultat av ärendeimporten",
  created: (n: number) => (n === 1 ? "1 skapat" : `${n} skapade`),
  alreadyImported: (n: number) => (n === 1 ? "1 redan importerat" : `${n} redan importerade`),
  rejected: (n: number) => (n === 1 ? "1 avvisat" : `${n} avvisade`),
  number: "Nr",
  messageId: "Meddelande-id",
  outcomeColumn: "Resultat",
  details: "Orsak eller ärende",
  openPatient: "Öppna patienten",
  outcome: {
    CREATED: "Skapat",
    ALREADY_IMPORTED: "Redan importerat",
    REJECTED: "Avvisat",
  } satisfies Record<ArendeImportOutcome, string>,
};

const example = `{ "messageId": "…", "type": "KOMPLT", "certificateId": "…",
  "personnummer": "ÅÅÅÅMMDD-NNNN", "receivedDate": "ÅÅÅÅ-MM-DD",
  "lastAnswerDate": "ÅÅÅÅ-MM-DD", "questionFields": ["35", "17"], "text": "…" }`;

export function ArendeImportSection() {
  const me = useSession();
  const upload = useImportArenden();
  const titleId = useId();

  if (!can(me, "arende.register")) return null;

  const onSubmit = (_file: File, text: string) => {
    // The same check as the server's: a file that is not messages never leaves the browser.
    try {
      inboundMessagesOf(text);
    } catch (error) {
      if (!(error instanceof InboundFormatError)) throw error;
      return error.message;
    }
    upload.mutate(text);
    return null;
  };

  return (
    <Stack component="section" aria-labelledby={titleId} gap="md">
      <Text component="h2" id={titleId} fw={700} fz="lg">
        {texts.title}
      </Text>
      <Text maw={720}>{texts.intro}</Text>
      <div>
        <Text mb="xs">{texts.format}</Text>
        <Code block>{example}</Code>
      </div>
      <FileUploadForm
        label={texts.file}
        description={texts.fileDescription}
        accept=".json,application/json"
        clearLabel="Ta bort vald fil med ärenden"
        submitLabel={texts.submit}
        pending={upload.isPending}
        error={upload.error}
        errorTitle={texts.uploadFailed}
        onChange={() => upload.reset()}
        onSubmit={onSubmit}
      />
      {upload.data && <ArendeImportResult report={upload.data} />}
    </Stack>
  );
}

function ArendeImportResult({ report }: { report: ArendeImportReport }) {
  const titleId = useId();
  const summary = [
    texts.created(report.created),
    texts.alreadyImported(report.alreadyImported),
    texts.rejected(report.rejected),
  ].join(", ");
  return (
    <section aria-labelledby={titleId} aria-live="polite">
      <Text component="h3" id={titleId} fw={700} mb="xs">
        {texts.resultTitle}
      </Text>
      <Alert color={report.rejected > 0 ? "yellow" : "green"} variant="light" role="status" mb="md">
        {summary}
      </Alert>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{texts.number}</Table.Th>
            <Table.Th scope="col">{texts.messageId}</Table.Th>
            <Table.Th scope="col">{texts.outcomeColumn}</Table.Th>
            <Table.Th scope="col">{texts.details}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.messages.map((m) => (
            <Table.Tr key={m.index}>
              <Table.Td>{m.index}</Table.Td>
              <Table.Td>{m.messageId ?? "–"}</Table.Td>
              <Table.Td>{texts.outcome[m.outcome]}</Table.Td>
              <Table.Td>
                {m.patientId ? (
                  <Anchor component={Link} to={`/patienter/${m.patientId}`}>
                    {texts.openPatient}
                  </Anchor>
                ) : (
                  m.reasons.join("; ") || "–"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
