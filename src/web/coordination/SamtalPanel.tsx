/**
 * "Kartläggande samtal" on the patient page: the patient's samtal, newest first, each opening its
 * own page; a new one starts as a draft for the case that waits for a decision.
 */
import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import { useAktualisering, useCreateSamtal, useSamtalList, type Samtal } from "../api/coordination.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { dateLabel } from "../format.ts";
import { userName } from "./parts.tsx";

const texts = {
  title: "Kartläggande samtal",
  intro:
    "Vid behov av samordnade insatser: ett strukturerat samtal om arbete, hälsa, social situation, patientens mål, hinder och behov av koordinering.",
  loading: "Hämtar samtalen …",
  empty: "Inga kartläggande samtal är registrerade för patienten på den här vårdenheten.",
  start: "Nytt kartläggande samtal",
  errorTitle: "Samtalet kunde inte påbörjas",
  item: (s: Samtal) => `Kartläggande samtal ${dateLabel(s.samtalDate)}`,
  status: (s: Samtal) =>
    s.status === "KLAR"
      ? `Avslutat${s.outcomeLabel ? `: ${s.outcomeLabel.toLowerCase()}` : ""}. Nästa steg ${dateLabel(s.nextStepDate)}: ${s.nextStep}`
      : "Utkast, inte avslutat.",
  heldBy: (s: Samtal) => `Förs av ${userName(s.heldBy)}.`,
  open: (s: Samtal) => (s.status === "KLAR" ? "Visa samtalet" : "Fortsätt samtalet"),
};

export function samtalPath(patientId: string, samtalId: string) {
  return `/patienter/${patientId}/kartlaggning/${samtalId}`;
}

export function SamtalPanel({ patientId }: { patientId: string }) {
  const me = useSession();
  const samtal = useSamtalList(patientId);
  const aktualisering = useAktualisering(patientId);
  const create = useCreateSamtal(patientId);
  const navigate = useNavigate();
  const mayWrite = can(me, "coordination.write");

  const start = () => {
    const cases = aktualisering.data?.cases ?? [];
    // The case waiting for a decision, else the ongoing one, else the latest past day 30; the
    // coordinator may choose another in the form.
    const target =
      cases.find((c) => c.needsDecision) ??
      cases.find((c) => c.ongoing) ??
      cases.find((c) => c.longerThan30Days);
    create.mutate(target ? { caseStart: target.start } : {}, {
      onSuccess: (created) => void navigate(samtalPath(patientId, created.id)),
    });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="kartlaggande-samtal">
      <Group justify="space-between" mb="xs">
        <Title order={2} id="kartlaggande-samtal" fz="h3">
          {texts.title}
        </Title>
        {mayWrite && (
          <Button variant="outline" size="sm" onClick={start} loading={create.isPending}>
            {texts.start}
          </Button>
        )}
      </Group>
      <Text mb="sm">{texts.intro}</Text>
      {create.isError && <ErrorAlert error={create.error} title={texts.errorTitle} />}
      {samtal.isPending && <Loading label={texts.loading} />}
      {samtal.isError && <ErrorAlert error={samtal.error} />}
      {samtal.data && samtal.data.length === 0 && <Text>{texts.empty}</Text>}
      {samtal.data && samtal.data.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {samtal.data.map((s) => (
            <Paper component="li" key={s.id} withBorder p="sm" data-testid="samtal">
              <Text fw={600}>{texts.item(s)}</Text>
              <Text fz="sm">{texts.status(s)}</Text>
              <Text fz="sm">{texts.heldBy(s)}</Text>
              <Anchor component={Link} to={samtalPath(patientId, s.id)} fz="sm">
                {texts.open(s)}
                <span className="visually-hidden">{` (${texts.item(s)})`}</span>
              </Anchor>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
