/** The meeting's participants and their attendance (recorded by the rehabkoordinator). */
import { Button, Checkbox, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useSetParticipants } from "../api/team.ts";
import type { TeamMeeting } from "../../team/schema.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";

const texts = {
  title: "Deltagare och närvaro",
  none: "Inga deltagare.",
  attended: (name: string, profession: string | null) =>
    `${name}${profession ? `, ${profession}` : ""} – närvarande`,
  present: "närvarande",
  absent: "frånvarande",
  unrecorded: "närvaro ej registrerad",
  save: "Spara närvaron",
  saved: "Närvaron är sparad.",
  failed: "Närvaron kunde inte sparas",
};

export function Participants({ meeting, editable }: { meeting: TeamMeeting; editable: boolean }) {
  const save = useSetParticipants(meeting.id);
  const [attended, setAttended] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(meeting.participants.map((p) => [p.userId, p.attended ?? false])),
  );
  const status = (a: boolean | null) => (a === null ? texts.unrecorded : a ? texts.present : texts.absent);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="deltagare">
      <Title order={2} fz="h3" id="deltagare" mb="sm">
        {texts.title}
      </Title>
      {meeting.participants.length === 0 && <Text>{texts.none}</Text>}
      {editable ? (
        <Stack gap="xs">
          {meeting.participants.map((p) => (
            <Checkbox
              key={p.userId}
              label={texts.attended(p.name, p.profession)}
              description={status(p.attended)}
              checked={attended[p.userId] ?? false}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setAttended((a) => ({ ...a, [p.userId]: checked }));
              }}
            />
          ))}
          {save.isError && <ErrorAlert error={save.error} title={texts.failed} />}
          {save.isSuccess && (
            <Text role="status" fw={500} fz="sm">
              {texts.saved}
            </Text>
          )}
          {meeting.participants.length > 0 && (
            <Group>
              <Button
                variant="outline"
                size="sm"
                loading={save.isPending}
                onClick={() =>
                  save.mutate({
                    version: meeting.version,
                    participants: meeting.participants.map((p) => ({
                      userId: p.userId,
                      attended: attended[p.userId] ?? false,
                    })),
                  })
                }
              >
                {texts.save}
              </Button>
            </Group>
          )}
        </Stack>
      ) : (
        <List>
          {meeting.participants.map((p) => (
            <List.Item key={p.userId}>
              {p.name}
              {p.profession ? `, ${p.profession}` : ""} – {status(p.attended)}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
