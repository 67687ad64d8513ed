/** Calling a team meeting: date and time, proposed from the team's next recurring slot. */
import { Button, Group, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useCreateMeeting } from "../api/team.ts";
import type { Team } from "../../team/schema.ts";
import { fieldErrors } from "../components/fieldErrors.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";

const texts = {
  date: "Datum (ÅÅÅÅ-MM-DD)",
  time: "Tid (TT:MM)",
  create: "Kalla till teamträff",
  failed: "Teamträffen kunde inte skapas",
  invited: "Teamets ordinarie medlemmar bjuds in.",
};

export function NewMeetingForm({ team }: { team: Team }) {
  const create = useCreateMeeting();
  const navigate = useNavigate();
  const next = team.upcomingSlots[0];
  const [date, setDate] = useState(next?.date ?? team.today);
  const [time, setTime] = useState(next?.time ?? "13:00");
  const errors = fieldErrors(create.error, ["date", "time"] as const);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ date, time }, { onSuccess: (meeting) => navigate(`/team/moten/${meeting.id}`) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormErrorAlert error={create.error} fieldErrors={errors} title={texts.failed} />
      <Group align="flex-end">
        <TextInput
          label={texts.date}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.date}
          maw={200}
          autoComplete="off"
        />
        <TextInput
          label={texts.time}
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
          error={errors.time}
          maw={140}
          autoComplete="off"
        />
        <Button type="submit" loading={create.isPending}>
          {texts.create}
        </Button>
      </Group>
      <Text fz="sm" c="dimmed" mt={4}>
        {texts.invited}
      </Text>
    </form>
  );
}
