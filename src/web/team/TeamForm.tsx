/** Changing the team: who is a standing member (with profession) and the recurring meeting times. */
import { Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Table, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { professionIds, professions, weekdays, type Profession } from "../../team/rules.ts";
import { useSaveTeam } from "../api/team.ts";
import type { Team } from "../../team/schema.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";

const texts = {
  members: "Medlemmar",
  member: "Medarbetare",
  inTeam: "Med i teamet",
  profession: "Profession",
  memberOf: (name: string) => `${name} är med i teamet`,
  professionOf: (name: string) => `Profession för ${name}`,
  times: "Återkommande mötestider",
  weekday: "Veckodag",
  time: "Tid (TT:MM)",
  addTime: "Lägg till mötestid",
  removeTime: (n: number) => `Ta bort mötestid ${n}`,
  save: "Spara teamet",
  failed: "Teamet kunde inte sparas",
};

type Draft = Record<string, { member: boolean; profession: Profession }>;

export function TeamForm({ team, onDone }: { team: Team; onDone: (saved: boolean) => void }) {
  const save = useSaveTeam();
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      team.staff.map((s) => {
        const member = team.members.find((m) => m.userId === s.id);
        return [
          s.id,
          { member: !!member, profession: member?.profession ?? s.suggestedProfession ?? "LAKARE" },
        ];
      }),
    ),
  );
  const [times, setTimes] = useState(team.meetingTimes.map(({ weekday, time }) => ({ weekday, time })));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const members = Object.entries(draft)
      .filter(([, d]) => d.member)
      .map(([userId, d]) => ({ userId, profession: d.profession }));
    save.mutate({ version: team.version, members, meetingTimes: times }, { onSuccess: () => onDone(true) });
  };
  const change = (id: string, patch: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [id]: { ...d[id]!, ...patch } }));
  return (
    <form onSubmit={submit} noValidate>
      <FormErrorAlert error={save.error} title={texts.failed} />
      <Stack gap="md">
        <Table aria-label={texts.members} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{texts.member}</Table.Th>
              <Table.Th>{texts.inTeam}</Table.Th>
              <Table.Th>{texts.profession}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {team.staff.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={texts.memberOf(s.name)}
                    checked={draft[s.id]?.member ?? false}
                    onChange={(e) => change(s.id, { member: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={texts.professionOf(s.name)}
                    data={professionIds.map((p) => ({ value: p, label: professions[p] }))}
                    value={draft[s.id]?.profession}
                    onChange={(e) => change(s.id, { profession: e.currentTarget.value as Profession })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Fieldset legend={texts.times}>
          <Stack gap="xs">
            {times.map((t, i) => (
              <Group key={i} align="flex-end">
                <NativeSelect
                  label={texts.weekday}
                  data={Object.entries(weekdays).map(([value, label]) => ({ value, label }))}
                  value={String(t.weekday)}
                  onChange={(e) => {
                    const weekday = Number(e.currentTarget.value);
                    setTimes((all) => all.map((x, j) => (j === i ? { ...x, weekday } : x)));
                  }}
                />
                <TextInput
                  label={texts.time}
                  value={t.time}
                  maw={140}
                  onChange={(e) => {
                    const time = e.currentTarget.value;
                    setTimes((all) => all.map((x, j) => (j === i ? { ...x, time } : x)));
                  }}
                />
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => setTimes((all) => all.filter((_, j) => j !== i))}
                >
                  {texts.removeTime(i + 1)}
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                variant="outline"
                size="sm"
                onClick={() => setTimes((all) => [...all, { weekday: 2, time: "13:00" }])}
              >
                {texts.addTime}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <FormActions submit={texts.save} pending={save.isPending} onCancel={() => onDone(false)} />
      </Stack>
    </form>
  );
}
