/** One deviation: what happened, the patient it concerns, the investigation, actions and history. */
import { Anchor, Container, List, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { deviationStatuses, type DeviationStatus } from "../../deviations/rules.ts";
import { useDeviation } from "../api/deviations.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { dateTimeLabel } from "../format.ts";
import { ActionsSection } from "./ActionsSection.tsx";
import { InvestigationForm } from "./InvestigationForm.tsx";

const texts = {
  pageTitle: "Avvikelse",
  heading: (category: string, date: string) => `Avvikelse: ${category}, ${date}`,
  back: "Alla avvikelser",
  loading: "Hämtar avvikelsen …",
  status: "Status",
  reporter: "Rapporterad av",
  lexMaria: "Överväg lex Maria: ja",
  patient: "Patient",
  description: "Vad hände",
  investigation: "Utredning",
  noInvestigation: "Ingen utredning skriven ännu.",
  history: "Historik",
  closed: (day: string) => `Avslutad ${day}.`,
  reported: "Rapporterad",
};

export function DeviationPage() {
  const { id = "" } = useParams();
  const deviation = useDeviation(id);
  const [message, setMessage] = useState("");
  const statusRef = useRef<HTMLParagraphElement>(null);
  const announce = (text: string) => {
    setMessage(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const d = deviation.data;
  return (
    <Container component="main" size="md" py="md">
      <Anchor component={Link} to="/avvikelser" fz="sm">
        {texts.back}
      </Anchor>
      {deviation.isPending && <Loading label={texts.loading} />}
      {deviation.isError && <ErrorAlert error={deviation.error} />}
      {d && (
        <Stack gap="md">
          <PageTitle title={texts.pageTitle}>{texts.heading(d.categoryLabel, d.occurredOn)}</PageTitle>
          <Text ref={statusRef} tabIndex={-1} role="status" fw={500}>
            {message}
          </Text>
          <Text>
            {texts.status}: <strong data-deviation-status>{d.statusLabel}</strong> · {texts.reporter}:{" "}
            {d.reportedBy.name}
            {d.lexMaria ? ` · ${texts.lexMaria}` : ""}
          </Text>
          {d.closedOn && <Text>{texts.closed(d.closedOn)}</Text>}
          {d.patient && (
            <Text>
              {texts.patient}:{" "}
              <Anchor component={Link} to={`/patienter/${d.patient.id}`}>
                {d.patient.name}, {d.patient.personnummer}
              </Anchor>
            </Text>
          )}
          <section aria-labelledby="avvikelse-beskrivning">
            <Title order={2} id="avvikelse-beskrivning" mb="xs">
              {texts.description}
            </Title>
            <Text style={{ whiteSpace: "pre-wrap" }}>{d.description}</Text>
          </section>
          <section aria-labelledby="avvikelse-utredning">
            <Title order={2} id="avvikelse-utredning" mb="xs">
              {texts.investigation}
            </Title>
            {d.canManage && d.status !== "AVSLUTAD" ? (
              <InvestigationForm deviation={d} onSaved={announce} />
            ) : (
              <Text style={{ whiteSpace: "pre-wrap" }}>{d.investigation || texts.noInvestigation}</Text>
            )}
          </section>
          <ActionsSection deviation={d} onSaved={announce} />
          <section aria-labelledby="avvikelse-historik">
            <Title order={2} id="avvikelse-historik" mb="xs">
              {texts.history}
            </Title>
            <List>
              {d.history.map((h, i) => (
                <List.Item key={i}>
                  {dateTimeLabel(h.at)} –{" "}
                  {h.status === "NY"
                    ? texts.reported
                    : (deviationStatuses[h.status as DeviationStatus] ?? h.status)}{" "}
                  av {h.user}
                  {h.note ? `: ${h.note}` : ""}
                </List.Item>
              ))}
            </List>
          </section>
        </Stack>
      )}
    </Container>
  );
}
