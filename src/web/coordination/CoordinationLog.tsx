/**
 * "Koordineringslogg": the consent state today, then every consent, withdrawal, expiry, decision,
 * kartläggande samtal, koordineringsinsats and meeting in time order (oldest first), in text.
 */
import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useCoordinationLog, type LogEvent } from "../api/coordination.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { dateLabel } from "../format.ts";
import { userName } from "./parts.tsx";
import { samtalPath } from "./SamtalPanel.tsx";

const texts = {
  title: "Koordineringslogg",
  intro: "Samtycken, beslut, samtal, insatser och möten i tidsordning, äldst först.",
  loading: "Hämtar koordineringsloggen …",
  consentToday: "Samtycke i dag",
  consentState: (label: string, state: string, validTo: string | null, daysLeft: number | null) =>
    `${label}: ${state.toLowerCase()}${validTo && daysLeft !== null ? ` till och med ${validTo} (${daysLeft} ${daysLeft === 1 ? "dag" : "dagar"} kvar)` : ""}`,
  events: "Händelser",
  empty: "Ingen koordinering är registrerad för patienten på den här vårdenheten.",
  openSamtal: "Visa samtalet",
};

export function CoordinationLog({ patientId }: { patientId: string }) {
  const log = useCoordinationLog(patientId);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="koordineringslogg">
      <Title order={2} id="koordineringslogg" fz="h3" mb="xs">
        {texts.title}
      </Title>
      <Text mb="sm">{texts.intro}</Text>
      {log.isPending && <Loading label={texts.loading} />}
      {log.isError && <ErrorAlert error={log.error} />}
      {log.data && (
        <>
          <Title order={3} fz="h4">
            {texts.consentToday}
          </Title>
          <ul data-testid="logg-samtycke">
            {log.data.consent.map((s) => (
              <li key={s.kind}>{texts.consentState(s.kindLabel, s.stateLabel, s.validTo, s.daysLeft)}</li>
            ))}
          </ul>
          <Title order={3} fz="h4" mt="sm">
            {texts.events}
          </Title>
          {log.data.events.length === 0 ? (
            <Text>{texts.empty}</Text>
          ) : (
            <Stack component="ol" gap="xs" pl="lg" mt="xs" data-testid="logg-handelser">
              {log.data.events.map((event, index) => (
                <li key={`${event.type}-${event.recordedAt}-${index}`} data-type={event.type}>
                  <Text fw={600}>{`${dateLabel(event.date)} ${event.label}`}</Text>
                  <EventDetails event={event} patientId={patientId} />
                </li>
              ))}
            </Stack>
          )}
        </>
      )}
    </Paper>
  );
}

function EventDetails({ event, patientId }: { event: LogEvent; patientId: string }) {
  const lines: string[] = [];
  switch (event.type) {
    case "SAMTYCKE": {
      const c = event.consent;
      lines.push(
        `${c.methodLabel}, giltigt till och med ${dateLabel(c.validTo)}. Registrerat av ${userName(c.obtainedBy)}.`,
      );
      lines.push(`Omfattning: ${c.scope}`);
      break;
    }
    case "SAMTYCKE_ATERKALLAT": {
      const w = event.consent.withdrawal;
      if (w) lines.push(`Registrerat av ${userName(w.by)}${w.note ? `: ${w.note}` : "."}`);
      break;
    }
    case "SAMTYCKE_UTGANGET":
      lines.push(`Samtycket lämnades ${dateLabel(event.consent.obtainedDate)}.`);
      break;
    case "AKTUALISERING": {
      const d = event.decision;
      lines.push(
        `Sjukfall med start ${dateLabel(d.caseStart)}. Beslutat av ${userName(d.decidedBy)}${d.current ? "" : " (senare ersatt)"}.`,
      );
      if (d.reason) lines.push(`Motivering: ${d.reason}`);
      break;
    }
    case "KARTLAGGANDE_SAMTAL": {
      const s = event.samtal;
      lines.push(`Förs av ${userName(s.heldBy)}. ${s.statusLabel}.`);
      if (s.outcomeLabel) lines.push(`Ledde till: ${s.outcomeLabel}`);
      if (s.status === "KLAR" && s.nextStep) {
        lines.push(`Nästa steg ${dateLabel(s.nextStepDate)}: ${s.nextStep}`);
      }
      break;
    }
    case "KOORDINERINGSINSATS": {
      const m = event.measure;
      const party = m.counterpart === "ANNAN" ? m.counterpartOther : m.counterpartLabel;
      lines.push(`Utförd av ${userName(m.performedBy)}${party ? `, tillsammans med ${party}` : ""}.`);
      if (m.note) lines.push(`Anteckning: ${m.note}`);
      break;
    }
    case "MOTE": {
      const m = event.meeting;
      lines.push(
        `Deltagare: ${m.participants.map((p) => `${p.name}${p.role ? ` (${p.role})` : ""}, ${p.partyLabel.toLowerCase()}`).join("; ")}.`,
      );
      if (m.notes) lines.push(`Anteckningar: ${m.notes}`);
      if (m.followUpDate) lines.push(`Uppföljning ${dateLabel(m.followUpDate)}.`);
      lines.push(`Registrerat av ${userName(m.recordedBy)}.`);
      break;
    }
  }
  return (
    <>
      {lines.map((line, index) => (
        <Text key={index} fz="sm" style={{ whiteSpace: "pre-line" }}>
          {line}
        </Text>
      ))}
      {event.type === "KARTLAGGANDE_SAMTAL" && (
        <Anchor component={Link} to={samtalPath(patientId, event.samtal.id)} fz="sm">
          {texts.openSamtal}
          <span className="visually-hidden">{` från ${dateLabel(event.samtal.samtalDate)}`}</span>
        </Anchor>
      )}
    </>
  );
}
