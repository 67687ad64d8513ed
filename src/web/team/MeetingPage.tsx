/**
 * A team meeting (issue #9): participants and attendance, the agenda the rehabkoordinator
 * prepares (suggested aktualiserade cases, patients added by hand, in order), minutes and
 * decisions per patient, and closing, which locks the minutes. "Dölj personuppgifter" hides names
 * and personnummer for a shared screen in the meeting room.
 */
import { Button, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { moveItem } from "../../team/rules.ts";
import { useCloseMeeting, useSetOrder, useTeamMeeting } from "../api/team.ts";
import type { TeamMeeting } from "../../team/schema.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { dateTimeLabel } from "../format.ts";
import { AddToAgenda } from "./AddToAgenda.tsx";
import { AgendaItemCard } from "./AgendaItemCard.tsx";
import { Participants } from "./Participants.tsx";

const texts = {
  title: "Teamträff",
  heading: (m: TeamMeeting) => `Teamträff ${m.date} kl. ${m.time}`,
  loading: "Teamträffen laddas …",
  hidePersonal: "Dölj personuppgifter",
  hidePersonalHint: "För delad skärm i mötesrummet: namn och personnummer döljs.",
  agenda: "Dagordning",
  empty: "Inga patienter på dagordningen ännu.",
  closed: (m: TeamMeeting) =>
    `Avslutat ${m.closedAt ? dateTimeLabel(m.closedAt) : ""} av ${m.closedBy ?? ""}. ` +
    "Anteckningarna är låsta: en rättelse sparas som en ny daterad version.",
  close: "Avsluta mötet och lås anteckningarna",
  closeFailed: "Mötet kunde inte avslutas",
  orderFailed: "Dagordningen kunde inte ändras",
};

export function MeetingPage() {
  const { id = "" } = useParams();
  const meeting = useTeamMeeting(id);
  return (
    <Stack gap="md">
      <PageTitle title={texts.title}>{meeting.data ? texts.heading(meeting.data) : texts.title}</PageTitle>
      {meeting.isPending && <Loading label={texts.loading} />}
      {meeting.isError && <ErrorAlert error={meeting.error} />}
      {meeting.data && <Meeting meeting={meeting.data} />}
    </Stack>
  );
}

function Meeting({ meeting }: { meeting: TeamMeeting }) {
  const me = useSession();
  const manage = can(me, "team.manage") && meeting.status === "PLANERAT";
  const [hidePersonal, setHidePersonal] = useState(false);
  const order = useSetOrder(meeting.id);
  const close = useCloseMeeting(meeting.id);
  const ids = meeting.items.map((i) => i.id);
  const reorder = (itemIds: string[]) => order.mutate({ version: meeting.version, itemIds });
  return (
    <>
      <Text>{meeting.statusLabel}</Text>
      {meeting.status === "AVSLUTAT" && <Text>{texts.closed(meeting)}</Text>}
      <Switch
        label={texts.hidePersonal}
        description={texts.hidePersonalHint}
        checked={hidePersonal}
        onChange={(e) => setHidePersonal(e.currentTarget.checked)}
      />
      <Participants meeting={meeting} editable={manage} />
      <Paper withBorder p="lg" component="section" aria-labelledby="dagordning">
        <Title order={2} fz="h3" id="dagordning" mb="sm">
          {texts.agenda}
        </Title>
        {manage && <AddToAgenda meeting={meeting} hidePersonal={hidePersonal} />}
        {order.isError && <ErrorAlert error={order.error} title={texts.orderFailed} />}
        {meeting.items.length === 0 && <Text mt="sm">{texts.empty}</Text>}
        <Stack gap="md" mt="md">
          {meeting.items.map((item, index) => (
            <AgendaItemCard
              key={item.id}
              meeting={meeting}
              item={item}
              number={index + 1}
              hidePersonal={hidePersonal}
              manage={can(me, "team.manage")}
              ordering={
                manage
                  ? {
                      first: index === 0,
                      last: index === ids.length - 1,
                      pending: order.isPending,
                      move: (direction) => reorder(moveItem(ids, item.id, direction)),
                      remove: () => reorder(ids.filter((x) => x !== item.id)),
                    }
                  : null
              }
            />
          ))}
        </Stack>
      </Paper>
      {manage && (
        <Group>
          {close.isError && <ErrorAlert error={close.error} title={texts.closeFailed} />}
          <Button loading={close.isPending} onClick={() => close.mutate({ version: meeting.version })}>
            {texts.close}
          </Button>
        </Group>
      )}
    </>
  );
}
