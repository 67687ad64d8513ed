/**
 * "Uppgifter" on the patient page: the patient's tasks on the unit (checkpoints, aktualisering,
 * certificates ending, kompletteringar …), open first by due date, then the ended ones. A user ends
 * the tasks that are theirs to end; the rest are shown read-only.
 */
import { Paper, Stack, Text, Title } from "@mantine/core";
import { usePatientTasks, type Task } from "../api/tasks.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { TaskList } from "./TaskList.tsx";

const texts = {
  title: "Uppgifter",
  loading: "Hämtar uppgifterna …",
  empty: "Patienten har inga uppgifter på den här vårdenheten.",
  active: "Att göra",
  noActive: "Inga öppna uppgifter.",
  ended: "Avslutade uppgifter",
};

export function PatientTasksSection({ patientId }: { patientId: string }) {
  const me = useSession();
  const tasks = usePatientTasks(patientId);
  const mayAct = (task: Task) =>
    can(me, "task.unit") || (can(me, "task.work") && task.responsibleUserId === me.user.id);
  const all = tasks.data?.tasks ?? [];
  const active = all.filter((t) => t.status === "OPEN" || t.status === "POSTPONED");
  const ended = all.filter((t) => t.status === "DONE" || t.status === "NOT_RELEVANT");

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="patient-uppgifter">
      <Title order={2} id="patient-uppgifter" fz="h3" mb="sm">
        {texts.title}
      </Title>
      {tasks.isPending && <Loading label={texts.loading} />}
      {tasks.isError && <ErrorAlert error={tasks.error} />}
      {tasks.data && all.length === 0 && <Text>{texts.empty}</Text>}
      {tasks.data && all.length > 0 && (
        <Stack gap="md">
          <Title order={3} fz="h4">
            {texts.active}
          </Title>
          {active.length === 0 ? (
            <Text>{texts.noActive}</Text>
          ) : (
            <TaskList tasks={active} today={tasks.data.today} showPatient={false} mayAct={mayAct} />
          )}
          {ended.length > 0 && (
            <>
              <Title order={3} fz="h4">
                {texts.ended}
              </Title>
              <TaskList tasks={ended} today={tasks.data.today} showPatient={false} mayAct={() => false} />
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}
