/** Task (Uppgift) data hooks: my tasks, the coordinator queue, the unit's tasks, and ending a task. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";
import { keys } from "./keys.ts";
import type { z } from "zod";
import type {
  doneBody,
  notRelevantBody,
  postponeBody,
  Task,
  TaskList,
  TaskListQuery,
} from "../../tasks/schema.ts";

export type { Task, TaskList } from "../../tasks/schema.ts";
export type TaskScope = NonNullable<TaskListQuery["scope"]>;
export type TaskStatus = Task["status"];
export type TaskStatusFilter = NonNullable<TaskListQuery["status"]>;

export function useTasks(scope: TaskScope, status: TaskStatusFilter, enabled = true) {
  return useQuery({
    queryKey: keys.tasks(scope, status),
    queryFn: () => request<TaskList>("GET", "/api/tasks", { query: { scope, status, limit: 1000 } }),
    enabled,
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

/** An action's request body without the version, which the hook adds from the task. */
type ActionBody<Schema extends z.ZodType> = Omit<z.input<Schema>, "version">;
export type TaskAction =
  | ({ kind: "done" } & ActionBody<typeof doneBody>)
  | ({ kind: "not-relevant" } & ActionBody<typeof notRelevantBody>)
  | ({ kind: "postpone" } & ActionBody<typeof postponeBody>);

export function useTaskAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, action }: { task: Task; action: TaskAction }) => {
      const { kind, ...fields } = action;
      return request<Task>("POST", `/api/tasks/${encodeURIComponent(task.id)}/${kind}`, {
        body: { version: task.version, ...fields },
      });
    },
    // Also on a conflict: the list then shows what is saved now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.allTasks }),
  });
}

/** The patient's tasks on the unit, for the patient page. */
export function usePatientTasks(patientId: string) {
  return useQuery({
    queryKey: keys.patientTasks(patientId),
    queryFn: () =>
      request<TaskList>("GET", `/api/patients/${encodeURIComponent(patientId)}/tasks`, {
        query: { status: "ALL" },
      }),
    refetchOnWindowFocus: false,
  });
}
