/**
 * A document for the patient, printable: the plan's patient version (/patienter/:id/rehabplan/
 * :planId/patientversion) or the sick-leave brochure (/patienter/:id/broschyr). Fetching it is
 * logged as a print; "Skriv ut" records that it was handed out, then opens the browser's print.
 * The print stylesheet leaves only the document on paper. The same document is offered as PDF.
 */
import { Anchor, Button, Group, List, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { pdfPath, usePatientDocument, useRecordHandout } from "../api/rehabplan.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import "./print.css";

const texts = {
  loading: "Hämtar dokumentet …",
  print: "Skriv ut och registrera som utlämnad",
  pdf: "Ladda ned som PDF",
  back: "Tillbaka till patienten",
  recorded: "Registrerat som utlämnat till patienten.",
};

export function PatientDocumentPage() {
  const { id = "", planId = null } = useParams();
  const document = usePatientDocument(id, planId);
  const handout = useRecordHandout(id);
  const [status, setStatus] = useState("");
  if (document.isPending) return <Loading label={texts.loading} />;
  if (document.isError) return <ErrorAlert error={document.error} />;
  const printIt = () =>
    handout.mutate(planId ? { kind: "PLAN", planId } : { kind: "BROSCHYR" }, {
      onSuccess: () => {
        setStatus(texts.recorded);
        window.print();
      },
    });
  const doc = document.data;
  return (
    <Stack gap="md">
      <Group className="no-print" gap="sm">
        <Button onClick={printIt} loading={handout.isPending}>
          {texts.print}
        </Button>
        <Anchor href={pdfPath(id, planId)} target="_blank" rel="noopener">
          {texts.pdf}
        </Anchor>
        <Anchor component={Link} to={`/patienter/${id}?avsnitt=rehabplan`}>
          {texts.back}
        </Anchor>
      </Group>
      <Text role="status" className="no-print" fw={600}>
        {status}
      </Text>
      {handout.error ? <ErrorAlert error={handout.error} /> : null}
      <article className="patient-document" lang="sv">
        <Title order={1}>{doc.title}</Title>
        {doc.lead.map((line) => (
          <Text key={line} fz="inherit">
            {line}
          </Text>
        ))}
        {doc.sections.map((section) => (
          <section key={section.heading}>
            <Title order={2}>{section.heading}</Title>
            {section.paragraphs.map((p) => (
              <Text key={p} fz="inherit" mb="xs">
                {p}
              </Text>
            ))}
            {section.items.length > 0 && (
              <List fz="inherit" spacing="xs">
                {section.items.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            )}
          </section>
        ))}
      </article>
    </Stack>
  );
}
