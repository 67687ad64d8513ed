/** Task (Uppgift) data hooks: my tasks, the coordinator queue, the unit's tasks, and ending a task. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "./client.ts";
import { keys } from "./keys.ts";

export type TaskScope = "mine" | "queue" | "unit";
export type TaskStatus = "OPEN" | "DONE" | "NOT_RELEVANT" | "POSTPONED";
export type TaskStatusFilter = "ACTIVE" | TaskStatus | "ALL";

export interface Task {
  id: string;
  patientId: string;
  patientName: string;
  personnummer: string;
  caseStart: string;
  kind: string;
  kindLabel: string;
  dueDate: string;
  /** The postponed date when postponed, else the due date. */
  effectiveDue: string;
  overdue: boolean;
  responsibleUserId: string | null;
  responsibleName: string | null;
  status: TaskStatus;
  statusLabel: string;
  reason: string | null;
  postponedTo: string | null;
  note: string | null;
  details: Record<string, unknown>;
  closedAt: string | null;
  createdAt: string;
  version: number;
}

export interface TaskList {
  today: string;
  tasks: Task[];
}

export function useTasks(scope: TaskScope, status: TaskStatusFilter, enabled = true) {
  return useQuery({
    queryKey: keys.tasks(scope, status),
    queryFn: () => request<TaskList>("GET", "/api/tasks", { query: { scope, status, limit: 1000 } }),
    enabled,
    // Every read is logged: no refetch behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export type TaskAction =
  | { kind: "done"; note?: string }
  | { kind: "not-relevant"; reason: string }
  | { kind: "postpone"; date: string; note?: string };

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
