/**
 * Write a routine, or change one (with the version seen; a stale save shows what is saved now). A
 * changed text becomes a new version that everyone who must read it confirms again.
 */
import { Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import { roles, type Role } from "../../access/policy.ts";
import { routineTopics, routineTopicIds, type RoutineTopic } from "../../routines/rules.ts";
import { isApiError } from "../api/client.ts";
import {
  useCreateRoutine,
  useSaveRoutine,
  type RoutineDetail,
  type RoutineLibrary,
} from "../api/routines.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

const texts = {
  title: "Rubrik",
  topic: "Ämne",
  owner: "Ägare (ansvarar för revisionen)",
  chooseOwner: "Välj ägare",
  reviewDate: "Revideras senast",
  dateHint: "ÅÅÅÅ-MM-DD. Ägaren ser rutinen under Att revidera från den dagen.",
  roles: "Roller som ska läsa och bekräfta rutinen",
  body: "Text (Markdown)",
  bodyHint:
    "# rubrik, - punktlista, 1. numrerad lista, **fetstil**. Ändrad text blir en ny version som alla ska bekräfta igen.",
  regional: "Regiongemensam rutin (enheterna i regionen kan anta den)",
  create: "Spara rutinen",
  save: "Spara ändringarna",
  errorTitle: "Rutinen kunde inte sparas",
  conflictTitle: "Någon annan har ändrat rutinen – formuläret visar nu det som är sparat",
};

const fields = ["title", "topic", "ownerId", "reviewDate", "roles", "body"] as const;

interface Draft {
  title: string;
  topic: RoutineTopic;
  ownerId: string;
  reviewDate: string;
  roles: Role[];
  body: string;
  regional: boolean;
}

function draftOf(routine: RoutineDetail | null, regionalOnly: boolean): Draft {
  return {
    title: routine?.title ?? "",
    topic: routine?.topic ?? "LATHUND",
    ownerId: routine?.owner.id ?? "",
    reviewDate: routine?.reviewDate ?? "",
    roles: (routine?.roles ?? ["LAKARE"]) as Role[],
    body: routine?.body ?? "",
    regional: routine?.regional ?? regionalOnly,
  };
}

export function RoutineForm(props: {
  routine: RoutineDetail | null;
  library: RoutineLibrary;
  onDone: (saved: RoutineDetail | null) => void;
}) {
  const create = useCreateRoutine();
  const save = useSaveRoutine(props.routine?.id ?? "");
  const mutation = props.routine ? save : create;
  const regionalOnly = !props.library.canManage;
  const [draft, setDraft] = useState(() => draftOf(props.routine, regionalOnly));
  const [version, setVersion] = useState(props.routine?.version ?? 1);
  const errors = fieldErrors(mutation.error, fields);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => {
    if (isApiError(save.error, 409)) {
      const current = save.error.current as RoutineDetail;
      setDraft(draftOf(current, regionalOnly));
      setVersion(current.version);
    }
  }, [save.error, regionalOnly]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { regional, ...common } = draft;
    if (props.routine) save.mutate({ ...common, version }, { onSuccess: props.onDone });
    else create.mutate({ ...common, regional }, { onSuccess: props.onDone });
  };

  const owners = props.library.owners;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormErrorAlert
          error={mutation.error}
          fieldErrors={errors}
          title={isApiError(mutation.error, 409) ? texts.conflictTitle : texts.errorTitle}
        />
        <TextInput
          label={texts.title}
          required
          value={draft.title}
          error={errors.title}
          onChange={(e) => set("title", e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={texts.topic}
            required
            value={draft.topic}
            error={errors.topic}
            data={routineTopicIds.map((id) => ({ value: id, label: routineTopics[id] }))}
            onChange={(e) => set("topic", e.currentTarget.value as RoutineTopic)}
          />
          <NativeSelect
            label={texts.owner}
            required
            value={draft.ownerId}
            error={errors.ownerId}
            data={[
              { value: "", label: texts.chooseOwner },
              ...owners.map((o) => ({ value: o.id, label: o.name })),
            ]}
            onChange={(e) => set("ownerId", e.currentTarget.value)}
          />
          <TextInput
            label={texts.reviewDate}
            description={texts.dateHint}
            required
            placeholder="ÅÅÅÅ-MM-DD"
            value={draft.reviewDate}
            error={errors.reviewDate}
            onChange={(e) => set("reviewDate", e.currentTarget.value.trim())}
          />
        </Group>
        <Checkbox.Group
          label={texts.roles}
          required
          value={draft.roles}
          error={errors.roles}
          onChange={(value) => set("roles", value as Role[])}
        >
          <Group mt="xs" gap="md">
            {(Object.keys(roles) as Role[]).map((role) => (
              <Checkbox key={role} value={role} label={roles[role]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={texts.body}
          description={texts.bodyHint}
          required
          autosize
          minRows={10}
          value={draft.body}
          error={errors.body}
          onChange={(e) => set("body", e.currentTarget.value)}
        />
        {!props.routine && props.library.canWriteRegional && props.library.canManage && (
          <Checkbox
            label={texts.regional}
            checked={draft.regional}
            onChange={(e) => set("regional", e.currentTarget.checked)}
          />
        )}
        {!props.routine && regionalOnly && <Text fz="sm">{texts.regional}</Text>}
        <FormActions
          submit={props.routine ? texts.save : texts.create}
          pending={mutation.isPending}
          onCancel={() => props.onDone(null)}
        />
      </Stack>
    </form>
  );
}
