/**
 * A list of tasks with their actions: Klar, Inte aktuell (reason), Skjut upp (date). Overdue tasks
 * say so in words and with a badge, not by colour alone. A 409 tells what someone else changed.
 */
import { Alert, Anchor, Badge, Button, Group, Table, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { isApiError } from "../api/client.ts";
import { useTaskAction, type Task, type TaskAction } from "../api/tasks.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { dateLabel } from "../format.ts";
import { NotRelevantDialog, PostponeDialog } from "./TaskDialogs.tsx";

const texts = {
  caption: "Uppgifter",
  task: "Uppgift",
  patient: "Patient",
  personnummer: "Personnummer",
  due: "Förfaller",
  responsible: "Ansvarig",
  status: "Status",
  actions: "Åtgärder",
  queue: "Koordinatorns kö",
  overdue: "Försenad",
  postponedFrom: (d: string) => `(ursprungligen ${d})`,
  done: "Klar",
  decide: "Besluta",
  decideHint: "Uppgiften blir klar när beslutet är sparat.",
  notRelevant: "Inte aktuell",
  postpone: "Skjut upp",
  forTask: (t: Task) => ` – ${t.kindLabel}, ${t.patientName}`,
  closed: "Avslutad",
  reason: "Skäl:",
  note: "Anteckning:",
  markedDone: (t: Task) => `Uppgiften ”${t.kindLabel}” är markerad som klar.`,
  markedNotRelevant: (t: Task) => `Uppgiften ”${t.kindLabel}” är markerad som inte aktuell.`,
  markedPostponed: (t: Task) => `Uppgiften ”${t.kindLabel}” är uppskjuten till ${t.postponedTo ?? ""}.`,
  conflictTitle: "Uppgiften har ändrats av någon annan",
  conflictBody: (t: Task) =>
    `Den är nu ”${t.statusLabel.toLowerCase()}”` +
    (t.postponedTo ? `, uppskjuten till ${t.postponedTo}` : "") +
    (t.responsibleName ? `, ansvarig ${t.responsibleName}` : "") +
    (t.reason ? `, skäl: ${t.reason}` : "") +
    ". Listan är uppdaterad; gör om åtgärden om den fortfarande behövs.",
};

type Dialog = { kind: "not-relevant" | "postpone"; task: Task } | null;

export function TaskList({
  tasks,
  today,
  showResponsible = true,
  showPatient = true,
  doneLabel = texts.done,
  notRelevantLabel = texts.notRelevant,
  doneNote,
  notRelevantReason,
  mayAct = () => true,
}: {
  tasks: Task[];
  today: string;
  showResponsible?: boolean;
  /** Off on the patient page, where every task is the patient's. */
  showPatient?: boolean;
  doneLabel?: string;
  notRelevantLabel?: string;
  /** A note saved with "done" (e.g. "Återbesök bokat"). */
  doneNote?: string;
  /** The reason "not relevant" starts with (the user may add to it). */
  notRelevantReason?: string;
  /** Whether the user may end this task (others' tasks are shown read-only). */
  mayAct?: (task: Task) => boolean;
}) {
  const action = useTaskAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState("");
  const [conflict, setConflict] = useState<Task | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const run = (task: Task, act: TaskAction, success: (t: Task) => string) => {
    setMessage("");
    setConflict(null);
    setFailure(null);
    action.mutate(
      { task, action: act },
      {
        onSuccess: (updated) => {
          setDialog(null);
          setMessage(success(updated));
          requestAnimationFrame(() => statusRef.current?.focus());
        },
        onError: (error) => {
          if (isApiError(error, 409)) {
            setDialog(null);
            setConflict((error.current as Task | undefined) ?? task);
            requestAnimationFrame(() => statusRef.current?.focus());
          } else if (!dialog) {
            setFailure(error);
            requestAnimationFrame(() => statusRef.current?.focus());
          }
        },
      },
    );
  };

  // In a dialog, the dialog shows the error (field errors under the field).
  const dialogError = dialog && action.isError && !isApiError(action.error, 409) ? action.error : null;

  return (
    <>
      <div ref={statusRef} tabIndex={-1} style={{ outline: "none" }}>
        <Text role="status" aria-live="polite" fw={500}>
          {message}
        </Text>
        {conflict && (
          <Alert
            color="yellow"
            variant="outline"
            title={texts.conflictTitle}
            role="alert"
            my="sm"
            styles={{ title: { color: "var(--mantine-color-black)" } }}
          >
            <Text fz="sm">{texts.conflictBody(conflict)}</Text>
          </Alert>
        )}
        {failure !== null && <ErrorAlert error={failure} />}
      </div>
      <Table.ScrollContainer minWidth={showPatient ? 860 : 640}>
        <Table striped data-task-list>
          <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{texts.task}</Table.Th>
              {showPatient && <Table.Th scope="col">{texts.patient}</Table.Th>}
              {showPatient && <Table.Th scope="col">{texts.personnummer}</Table.Th>}
              <Table.Th scope="col">{texts.due}</Table.Th>
              {showResponsible && <Table.Th scope="col">{texts.responsible}</Table.Th>}
              <Table.Th scope="col">{texts.status}</Table.Th>
              <Table.Th scope="col">{texts.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => {
              const active = task.status === "OPEN" || task.status === "POSTPONED";
              const busy = action.isPending && action.variables?.task.id === task.id;
              return (
                <Table.Tr key={task.id} data-task={task.id} data-kind={task.kind} data-overdue={task.overdue}>
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {task.kindLabel}
                    </Text>
                    {typeof task.details["decision"] === "string" && (
                      <Text fz="xs">{task.details["decision"]}</Text>
                    )}
                    {task.reason && (
                      <Text fz="xs">
                        {texts.reason} {task.reason}
                      </Text>
                    )}
                    {task.note && (
                      <Text fz="xs">
                        {texts.note} {task.note}
                      </Text>
                    )}
                  </Table.Td>
                  {showPatient && (
                    <Table.Td>
                      <Anchor component={Link} to={`/patienter/${task.patientId}`}>
                        {task.patientName}
                      </Anchor>
                    </Table.Td>
                  )}
                  {showPatient && <Table.Td style={{ whiteSpace: "nowrap" }}>{task.personnummer}</Table.Td>}
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Text span fz="sm" fw={task.overdue ? 700 : undefined}>
                      {dateLabel(task.effectiveDue)}
                    </Text>
                    {task.overdue && (
                      <Badge color="red.9" variant="filled" ml={6} style={{ textTransform: "none" }}>
                        {texts.overdue}
                      </Badge>
                    )}
                    {task.status === "POSTPONED" && task.dueDate !== task.effectiveDue && (
                      <Text fz="xs">{texts.postponedFrom(dateLabel(task.dueDate))}</Text>
                    )}
                  </Table.Td>
                  {showResponsible && <Table.Td>{task.responsibleName ?? texts.queue}</Table.Td>}
                  <Table.Td>{task.statusLabel}</Table.Td>
                  <Table.Td>
                    {active && mayAct(task) ? (
                      <Group gap={6} wrap="nowrap">
                        {task.kind === "AKTUALISERA" ? (
                          // Done only by a decision (the server refuses "Klar"): lead to it.
                          <Button
                            size="compact-sm"
                            component={Link}
                            to={`/patienter/${task.patientId}#aktualisering`}
                            title={texts.decideHint}
                          >
                            {texts.decide}
                            <span className="visually-hidden">
                              {texts.forTask(task)}. {texts.decideHint}
                            </span>
                          </Button>
                        ) : (
                          <Button
                            size="compact-sm"
                            loading={busy && action.variables?.action.kind === "done"}
                            disabled={action.isPending}
                            onClick={() =>
                              run(
                                task,
                                { kind: "done", ...(doneNote ? { note: doneNote } : {}) },
                                texts.markedDone,
                              )
                            }
                          >
                            {doneLabel}
                            <span className="visually-hidden">{texts.forTask(task)}</span>
                          </Button>
                        )}
                        <Button
                          size="compact-sm"
                          variant="outline"
                          disabled={action.isPending}
                          onClick={() => {
                            action.reset();
                            setDialog({ kind: "not-relevant", task });
                          }}
                        >
                          {notRelevantLabel}
                          <span className="visually-hidden">{texts.forTask(task)}</span>
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          disabled={action.isPending}
                          onClick={() => {
                            action.reset();
                            setDialog({ kind: "postpone", task });
                          }}
                        >
                          {texts.postpone}
                          <span className="visually-hidden">{texts.forTask(task)}</span>
                        </Button>
                      </Group>
                    ) : (
                      <Text fz="sm">
                        {task.closedAt ? `${texts.closed} ${dateLabel(task.closedAt)}` : "–"}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <NotRelevantDialog
        key={`nr-${dialog?.task.id ?? ""}`}
        task={dialog?.kind === "not-relevant" ? dialog.task : null}
        today={today}
        pending={action.isPending}
        error={dialog?.kind === "not-relevant" ? dialogError : null}
        onClose={() => setDialog(null)}
        title={notRelevantLabel}
        initialReason={notRelevantReason ?? ""}
        onConfirm={(reason) => run(dialog!.task, { kind: "not-relevant", reason }, texts.markedNotRelevant)}
      />
      <PostponeDialog
        key={`pp-${dialog?.task.id ?? ""}`}
        task={dialog?.kind === "postpone" ? dialog.task : null}
        today={today}
        pending={action.isPending}
        error={dialog?.kind === "postpone" ? dialogError : null}
        onClose={() => setDialog(null)}
        onConfirm={(date, note) =>
          run(dialog!.task, { kind: "postpone", date, ...(note ? { note } : {}) }, texts.markedPostponed)
        }
      />
    </>
  );
}
