/** Request and response schemas of the task API. */
import { z } from "@hono/zod-openapi";
import { taskKindIds } from "./rules.ts";

export const taskIdParam = z.object({
  id: z.uuid({ error: "Ogiltigt uppgifts-id." }).openapi({ param: { name: "id", in: "path" } }),
});

export const taskListQuery = z.object({
  /** mine: tasks I am responsible for; queue: the coordinator queue (no one); unit: every task. */
  scope: z.enum(["mine", "queue", "unit"], { error: "Välj mine, queue eller unit." }).default("mine"),
  status: z
    .enum(["ACTIVE", "OPEN", "POSTPONED", "DONE", "NOT_RELEVANT", "ALL"], { error: "Okänd status." })
    .default("ACTIVE"),
  limit: z.coerce.number().int().min(1, "Minst en rad.").max(1000, "Högst 1000 rader.").default(500),
});

export const patientTaskQuery = taskListQuery.pick({ status: true }).extend({
  status: taskListQuery.shape.status.unwrap().default("ALL"),
});

const version = z.number({ error: "Version saknas." }).int().min(1);
const note = z.string().trim().max(2000, "Anteckningen får vara högst 2000 tecken.").optional();

export const doneBody = z.strictObject({ version, note }).openapi("TaskDone");

export const notRelevantBody = z
  .strictObject({
    version,
    reason: z
      .string({ error: "Ange varför uppgiften inte är aktuell." })
      .trim()
      .min(1, "Ange varför uppgiften inte är aktuell.")
      .max(2000, "Skälet får vara högst 2000 tecken."),
  })
  .openapi("TaskNotRelevant");

export const postponeBody = z
  .strictObject({
    version,
    date: z.iso.date({ error: "Ange datumet som ÅÅÅÅ-MM-DD." }),
    note,
  })
  .openapi("TaskPostpone");

export const taskSchema = z
  .object({
    id: z.string(),
    patientId: z.string(),
    patientName: z.string(),
    personnummer: z.string(),
    caseStart: z.string(),
    kind: z.enum(taskKindIds),
    kindLabel: z.string(),
    dueDate: z.string(),
    /** The postponed date when postponed, else the due date. */
    effectiveDue: z.string(),
    overdue: z.boolean(),
    responsibleUserId: z.string().nullable(),
    responsibleName: z.string().nullable(),
    status: z.enum(["OPEN", "DONE", "NOT_RELEVANT", "POSTPONED"]),
    statusLabel: z.string(),
    reason: z.string().nullable(),
    postponedTo: z.string().nullable(),
    note: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number(),
  })
  .openapi("Task");

export const taskWithHistory = taskSchema
  .extend({
    history: z.array(
      z.object({
        at: z.string(),
        user: z.string().nullable(),
        event: z.string(),
        note: z.string().nullable(),
        date: z.string().nullable(),
      }),
    ),
  })
  .openapi("TaskWithHistory");

export const taskListResponse = z
  .object({ today: z.string(), tasks: z.array(taskSchema) })
  .openapi("TaskList");

export type Task = z.output<typeof taskSchema>;
export type TaskWithHistory = z.output<typeof taskWithHistory>;
export type TaskList = z.output<typeof taskListResponse>;
export type TaskListQuery = z.input<typeof taskListQuery>;
