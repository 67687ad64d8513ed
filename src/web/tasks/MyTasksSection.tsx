/** The start page's "Mina uppgifter": how many, how many overdue, the first few by due date. */
import { Anchor, Paper, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useTasks } from "../api/tasks.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { countLabel } from "../format.ts";
import { TaskList } from "./TaskList.tsx";

const texts = {
  title: "Mina uppgifter",
  loading: "Hämtar dina uppgifter …",
  empty: "Du har inga uppgifter att göra.",
  summary: (n: number, overdue: number) =>
    `Du har ${countLabel(n, "uppgift", "uppgifter")} att göra${overdue > 0 ? `, varav ${overdue} försenade` : ""}.`,
  all: "Alla uppgifter",
};

const shownOnStart = 5;

export function MyTasksSection() {
  const tasks = useTasks("mine", "ACTIVE");
  const list = tasks.data?.tasks ?? [];
  const overdue = list.filter((t) => t.overdue).length;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="mina-uppgifter">
      <Title order={2} id="mina-uppgifter" fz="h3" mb={4}>
        {texts.title}
      </Title>
      {tasks.isPending && <Loading label={texts.loading} />}
      {tasks.isError && <ErrorAlert error={tasks.error} />}
      {tasks.data && (
        <>
          <Text mb="sm">{list.length === 0 ? texts.empty : texts.summary(list.length, overdue)}</Text>
          {list.length > 0 && (
            <TaskList tasks={list.slice(0, shownOnStart)} today={tasks.data.today} showResponsible={false} />
          )}
          <Anchor component={Link} to="/uppgifter" mt="sm" display="inline-block">
            {texts.all}
          </Anchor>
        </>
      )}
    </Paper>
  );
}
