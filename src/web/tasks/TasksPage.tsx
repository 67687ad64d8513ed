/**
 * Uppgifter: my tasks, the coordinator queue and the unit's tasks (the tabs a user's capabilities
 * open), filtered by status and kind, earliest due first, overdue marked in words.
 */
import { NativeSelect, Group, Stack, Tabs, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { can, useSession } from "../app/session.tsx";
import { useTasks, type TaskScope, type TaskStatusFilter } from "../api/tasks.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { countLabel } from "../format.ts";
import { TaskList } from "./TaskList.tsx";

const texts = {
  title: "Uppgifter",
  tabs: "Vems uppgifter",
  mine: "Mina uppgifter",
  queue: "Koordinatorns kö",
  unit: "Enhetens uppgifter",
  status: "Status",
  kind: "Typ av uppgift",
  allKinds: "Alla typer",
  loading: "Hämtar uppgifterna …",
  empty: "Inga uppgifter med det här urvalet.",
  summary: (n: number, overdue: number) =>
    `${countLabel(n, "uppgift", "uppgifter")}${overdue > 0 ? `, varav ${overdue} försenade` : ""}.`,
};

export const statusOptions: { value: TaskStatusFilter; label: string }[] = [
  { value: "ACTIVE", label: "Att göra och uppskjutna" },
  { value: "OPEN", label: "Att göra" },
  { value: "POSTPONED", label: "Uppskjutna" },
  { value: "DONE", label: "Åtgärdade" },
  { value: "NOT_RELEVANT", label: "Ej aktuella" },
  { value: "ALL", label: "Alla" },
];

export function TasksPage() {
  const me = useSession();
  const scopes = useMemo(
    () =>
      [
        { value: "mine" as const, label: texts.mine, show: can(me, "task.work") },
        { value: "queue" as const, label: texts.queue, show: can(me, "task.unit") },
        { value: "unit" as const, label: texts.unit, show: can(me, "task.unit") },
      ].filter((s) => s.show),
    [me],
  );
  const [scope, setScope] = useState<TaskScope>(
    can(me, "task.unit") ? "queue" : (scopes[0]?.value ?? "mine"),
  );
  return (
    <Stack gap="md">
      <PageTitle title={texts.title} />
      <Tabs value={scope} onChange={(v) => v && setScope(v as TaskScope)} keepMounted={false}>
        <Tabs.List aria-label={texts.tabs}>
          {scopes.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {scopes.map((s) => (
          <Tabs.Panel key={s.value} value={s.value} pt="md">
            <ScopeTasks scope={s.value} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function ScopeTasks({ scope, kind: fixedKind }: { scope: TaskScope; kind?: string }) {
  const [status, setStatus] = useState<TaskStatusFilter>("ACTIVE");
  const [kind, setKind] = useState(fixedKind ?? "");
  const tasks = useTasks(scope, status);
  const kinds = useMemo(() => {
    const seen = new Map<string, string>();
    for (const t of tasks.data?.tasks ?? []) seen.set(t.kind, t.kindLabel);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [tasks.data]);
  const shown = useMemo(
    () => (tasks.data?.tasks ?? []).filter((t) => kind === "" || t.kind === kind),
    [tasks.data, kind],
  );
  const overdue = shown.filter((t) => t.overdue).length;
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <NativeSelect
          label={texts.status}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as TaskStatusFilter)}
          data={statusOptions}
        />
        {!fixedKind && (
          <NativeSelect
            label={texts.kind}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={[{ value: "", label: texts.allKinds }, ...kinds]}
            maw={480}
          />
        )}
      </Group>
      {tasks.isPending && <Loading label={texts.loading} />}
      {tasks.isError && <ErrorAlert error={tasks.error} />}
      {tasks.data && (
        <>
          <Text fz="sm">{shown.length === 0 ? texts.empty : texts.summary(shown.length, overdue)}</Text>
          {shown.length > 0 && (
            <TaskList tasks={shown} today={tasks.data.today} showResponsible={scope !== "mine"} />
          )}
        </>
      )}
    </Stack>
  );
}

export { ScopeTasks };
