/**
 * Team (issue #9): the unit's multimodal team — standing members by profession and recurring
 * meeting times — and its meetings. The rehabkoordinator changes the team and calls meetings;
 * the others see when the team meets. No patient data on this page.
 */
import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { useTeam } from "../api/team.ts";
import type { Team } from "../../team/schema.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { NewMeetingForm } from "./NewMeetingForm.tsx";
import { TeamForm } from "./TeamForm.tsx";

const texts = {
  title: "Team",
  intro:
    "Enhetens multimodala team: ordinarie medlemmar per profession och återkommande mötestider. " +
    "På teamträffen tas aktualiserade patienter med samtycke upp, och besluten blir uppgifter med ansvarig och datum.",
  members: "Medlemmar och mötestider",
  noMembers: "Teamet har inga medlemmar ännu.",
  noTimes: "Inga återkommande mötestider.",
  meetsOn: "Teamet träffas",
  edit: "Ändra teamet",
  saved: "Teamet är sparat.",
  meetings: "Teamträffar",
  upcoming: "Kommande och pågående",
  past: "Avslutade",
  none: "Inga.",
  patients: (n: number) => (n === 1 ? "1 patient" : `${n} patienter`),
  loading: "Teamet laddas …",
};

export function TeamPage() {
  const me = useSession();
  const team = useTeam();
  const manage = can(me, "team.manage");
  return (
    <Stack gap="md">
      <PageTitle title={texts.title} />
      <Text maw={760}>{texts.intro}</Text>
      {team.isPending && <Loading label={texts.loading} />}
      {team.isError && <ErrorAlert error={team.error} />}
      {team.data && <TeamSection team={team.data} manage={manage} />}
      {team.data && <MeetingsSection team={team.data} manage={manage} />}
    </Stack>
  );
}

function TeamSection({ team, manage }: { team: Team; manage: boolean }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="team-medlemmar">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h3" id="team-medlemmar">
          {texts.members}
        </Title>
        {manage && !editing && (
          <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
            {texts.edit}
          </Button>
        )}
      </Group>
      {saved && !editing && (
        <Text role="status" fw={500} fz="sm">
          {texts.saved}
        </Text>
      )}
      {editing ? (
        <TeamForm
          team={team}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <>
          {team.members.length === 0 ? (
            <Text>{texts.noMembers}</Text>
          ) : (
            <List>
              {team.members.map((m) => (
                <List.Item key={m.userId}>
                  {m.professionLabel}: {m.name}
                </List.Item>
              ))}
            </List>
          )}
          <Text mt="sm">
            {texts.meetsOn}:{" "}
            {team.meetingTimes.length === 0
              ? texts.noTimes
              : team.meetingTimes.map((t) => t.label).join(", ")}
          </Text>
        </>
      )}
    </Paper>
  );
}

function MeetingsSection({ team, manage }: { team: Team; manage: boolean }) {
  const upcoming = team.meetings.filter((m) => m.status === "PLANERAT").reverse();
  const past = team.meetings.filter((m) => m.status === "AVSLUTAT");
  const list = (meetings: Team["meetings"]) =>
    meetings.length === 0 ? (
      <Text>{texts.none}</Text>
    ) : (
      <List>
        {meetings.map((m) => (
          <List.Item key={m.id}>
            <Anchor component={Link} to={`/team/moten/${m.id}`}>
              {m.date} kl. {m.time}
            </Anchor>{" "}
            – {m.statusLabel}, {texts.patients(m.agendaCount)}
          </List.Item>
        ))}
      </List>
    );
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="team-traffar">
      <Title order={2} fz="h3" id="team-traffar" mb="xs">
        {texts.meetings}
      </Title>
      {manage && <NewMeetingForm team={team} />}
      <Title order={3} fz="h4" mt="md" mb="xs">
        {texts.upcoming}
      </Title>
      {list(upcoming)}
      <Title order={3} fz="h4" mt="md" mb="xs">
        {texts.past}
      </Title>
      {list(past)}
    </Paper>
  );
}
