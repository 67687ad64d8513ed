/**
 * "Ärenden från Försäkringskassan" on the patient page: open ärenden first, then answered and
 * closed ones, each with its history; registering (arende.register) and answering (arende.answer).
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Fragment, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { usePatientArenden, type Arende } from "../api/arenden.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { dateLabel, dateTimeLabel } from "../format.ts";
import { AnswerArende } from "./AnswerArende.tsx";
import { deadlineOf } from "./deadline.ts";
import { RegisterArendeForm } from "./RegisterArendeForm.tsx";

const texts = {
  title: "Ärenden från Försäkringskassan",
  register: "Registrera ärende",
  loading: "Hämtar ärendena …",
  empty: "Inga ärenden är registrerade för patienten på den här vårdenheten.",
  open: "Öppna ärenden",
  noOpen: "Inga öppna ärenden.",
  closed: "Besvarade och avslutade ärenden",
  heading: (a: Arende) => `${a.typeLabel}, mottaget ${dateLabel(a.receivedDate)}`,
  status: "Status",
  certificate: "Intyg",
  openCertificate: "Öppna intyget",
  noCertificate: "Gäller inget särskilt intyg",
  questions: "Frågor i intyget",
  text: "Försäkringskassans text",
  deadline: "Sista svarsdatum",
  noDeadline: "Inget angivet",
  answer: "Svar",
  answeredAt: "Besvarat",
  completing: "Kompletterande intyg",
  openCompleting: "Öppna det kompletterande intyget",
  history: "Historik",
  overdueBadge: "Försenat",
};

const eventLabels: Record<string, string> = {
  REGISTRERAT: "Registrerat",
  KOMPLETTERING_PABORJAD: "Kompletterande intyg påbörjat",
  KOMPLETTERING: "Besvarat med kompletterande intyg",
  KAN_EJ_KOMPLETTERA: "Kan ej komplettera",
  SVAR: "Besvarat",
  HANTERAT: "Hanterat utan svar",
  ATEROPPNAT: "Öppnat igen: det kompletterande intyget makulerades",
};

export function ArendenSection({ patientId }: { patientId: string }) {
  const me = useSession();
  const arenden = usePatientArenden(patientId);
  const [registering, setRegistering] = useState(false);
  const mayRegister = can(me, "arende.register");
  const open = arenden.data?.filter((a) => a.status === "OPEN") ?? [];
  const done = arenden.data?.filter((a) => a.status !== "OPEN") ?? [];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="arenden">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="arenden" fz="h3">
          {texts.title}
        </Title>
        {mayRegister && !registering && (
          <Button variant="outline" size="sm" onClick={() => setRegistering(true)}>
            {texts.register}
          </Button>
        )}
      </Group>
      {registering && <RegisterArendeForm patientId={patientId} onDone={() => setRegistering(false)} />}
      {arenden.isPending && <Loading label={texts.loading} />}
      {arenden.isError && <ErrorAlert error={arenden.error} />}
      {arenden.data && arenden.data.length === 0 && <Text mt="sm">{texts.empty}</Text>}
      {arenden.data && arenden.data.length > 0 && (
        <Stack gap="md" mt="sm">
          <Title order={3} fz="h4">
            {texts.open}
          </Title>
          {open.length === 0 ? (
            <Text>{texts.noOpen}</Text>
          ) : (
            <ArendeList arenden={open} patientId={patientId} />
          )}
          {done.length > 0 && (
            <>
              <Title order={3} fz="h4">
                {texts.closed}
              </Title>
              <ArendeList arenden={done} patientId={patientId} />
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function ArendeList({ arenden, patientId }: { arenden: Arende[]; patientId: string }) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {arenden.map((a) => (
        <ArendeItem key={a.id} arende={a} patientId={patientId} />
      ))}
    </Stack>
  );
}

function ArendeItem({ arende: a, patientId }: { arende: Arende; patientId: string }) {
  const me = useSession();
  const headingId = `arende-${a.id}`;
  const deadline = a.status === "OPEN" ? deadlineOf(a.lastAnswerDate, a.daysToDeadline) : null;
  const facts: [string, ReactNode][] = [
    [texts.status, a.statusLabel],
    [
      texts.deadline,
      deadline ? (
        <Text span fw={deadline.overdue ? 700 : undefined} c={deadline.overdue ? "red.9" : undefined}>
          {deadline.text}
        </Text>
      ) : dateLabel(a.lastAnswerDate) === "–" ? (
        texts.noDeadline
      ) : (
        dateLabel(a.lastAnswerDate)
      ),
    ],
    [
      texts.certificate,
      a.certificateId ? (
        <Anchor component={Link} to={`/intyg/${a.certificateId}`}>
          {texts.openCertificate}
        </Anchor>
      ) : (
        texts.noCertificate
      ),
    ],
  ];
  if (a.questionFields.length > 0) {
    facts.push([texts.questions, a.questionFields.map((f) => `${f.label} (fråga ${f.id})`).join(", ")]);
  }
  if (a.text) facts.push([texts.text, a.text]);
  if (a.answerCertificateId) {
    facts.push([
      texts.completing,
      <Anchor key="completing" component={Link} to={`/intyg/${a.answerCertificateId}`}>
        {texts.openCompleting}
      </Anchor>,
    ]);
  }
  if (a.status !== "OPEN") {
    facts.push([
      texts.answer,
      [eventLabels[a.answerKind ?? ""] ?? a.statusLabel, a.answerText].filter(Boolean).join(": "),
    ]);
    if (a.answeredAt) facts.push([texts.answeredAt, dateTimeLabel(a.answeredAt)]);
  }

  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId} data-testid="arende">
      <Group gap="sm" mb="xs">
        <Title order={4} fz="h5" id={headingId}>
          {texts.heading(a)}
        </Title>
        {deadline?.overdue && (
          <Badge color="red.9" variant="filled">
            {texts.overdueBadge}
          </Badge>
        )}
      </Group>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <Title order={5} fz="sm" mt="sm">
        {texts.history}
      </Title>
      <ol>
        {a.history.map((h, index) => (
          <li key={`${h.at}-${index}`}>
            {`${dateTimeLabel(h.at)} ${eventLabels[h.event] ?? h.event}`}
            {h.user ? ` (${h.user})` : ""}
            {h.note ? `: ${h.note}` : ""}
          </li>
        ))}
      </ol>
      {a.status === "OPEN" && can(me, "arende.answer") && <AnswerArende arende={a} patientId={patientId} />}
    </Paper>
  );
}
