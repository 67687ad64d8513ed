/**
 * "Koordineringsinsatser och samverkansmöten": recording a koordineringsinsats (exactly one of the
 * three kinds the law names) and a trepartsmöte or avstämningsmöte with external parties. Both
 * need the patient's consent; the server's refusal is shown with the way to the consent form.
 */
import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  consentsForMeasure,
  consentsForMeeting,
  counterparts,
  measureIssues,
  measureTypes,
  meetingIssues,
  meetingKinds,
  participantParties,
  type ConsentKind,
  type ConsentRefusal,
  type Counterpart,
  type MeasureType,
  type MeetingKind,
  type ParticipantParty,
} from "../../coordination/rules.ts";
import { useConsents, useRecordMeasure, useRecordMeeting } from "../api/coordination.ts";
import { useSession } from "../app/session.tsx";
import { FormActions } from "../components/FormActions.tsx";
import { clearDrafts, useDraftState } from "../components/formDrafts.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { issuesByField, isValidDate, missingConsent } from "./checks.ts";
import { ConsentRefusalAlert, DateField, isConsentRefusal } from "./parts.tsx";

const texts = {
  title: "Koordineringsinsatser och samverkansmöten",
  intro: "Registrerade insatser och möten visas i koordineringsloggen nedan.",
  measure: "Registrera koordineringsinsats",
  meeting: "Registrera samverkansmöte",
  savedMeasure: "Koordineringsinsatsen är registrerad.",
  savedMeeting: "Samverkansmötet är registrerat.",
  consentHint: "Samtycke saknas:",
  restored: "Det du skrev innan du loggades ut är återställt. Kontrollera och spara.",
};

/** The drafts of this panel's forms for the patient (kept until saved or cancelled). */
const draftPrefix = (patientId: string) => `insatser.${patientId}.`;

export function MeasuresPanel(props: {
  patientId: string;
  today: string;
  onRecordConsent: ((kind: ConsentKind) => void) | null;
}) {
  const { patientId, today, onRecordConsent } = props;
  const userId = useSession().user.id;
  const [open, setOpen, restored] = useDraftState<"measure" | "meeting" | null>(
    userId,
    `${draftPrefix(patientId)}open`,
    null,
  );
  const [saved, setSaved] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const close = () => {
    clearDrafts(userId, draftPrefix(patientId));
    setOpen(null);
  };
  const done = (message: string) => {
    close();
    setSaved(message);
    headingRef.current?.focus();
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="koordineringsinsatser">
      <Group justify="space-between" mb="xs">
        <Title order={2} id="koordineringsinsatser" fz="h3" ref={headingRef} tabIndex={-1}>
          {texts.title}
        </Title>
        {open === null && (
          <Group gap="sm">
            <Button
              variant="outline"
              size="sm"
              onClick={() => {
                setSaved("");
                setOpen("measure");
              }}
            >
              {texts.measure}
            </Button>
            <Button
              variant="outline"
              size="sm"
              onClick={() => {
                setSaved("");
                setOpen("meeting");
              }}
            >
              {texts.meeting}
            </Button>
          </Group>
        )}
      </Group>
      <Text mb="sm">{texts.intro}</Text>
      <Text role="status" fw={600}>
        {saved || (restored && open !== null ? texts.restored : "")}
      </Text>
      {open === "measure" && (
        <MeasureForm
          patientId={patientId}
          today={today}
          onRecordConsent={onRecordConsent}
          onDone={(didSave) => (didSave ? done(texts.savedMeasure) : close())}
        />
      )}
      {open === "meeting" && (
        <MeetingForm
          patientId={patientId}
          today={today}
          onRecordConsent={onRecordConsent}
          onDone={(didSave) => (didSave ? done(texts.savedMeeting) : close())}
        />
      )}
    </Paper>
  );
}

/** The alert above a form: a consent refusal (with the way to record it), or the form's errors. */
function FormAlert(props: {
  error: unknown;
  hasFieldErrors: boolean;
  fieldErrors: Partial<Record<string, string>>;
  attempt: unknown;
  title: string;
  consentKind: ConsentKind;
  onRecordConsent: ((kind: ConsentKind) => void) | null;
}) {
  const { error, hasFieldErrors, consentKind, onRecordConsent } = props;
  const ref = useRef<HTMLDivElement>(null);
  const refusal = !hasFieldErrors && isConsentRefusal(error);
  useEffect(() => {
    if (refusal) ref.current?.focus();
  }, [refusal, error]);
  if (refusal) {
    return (
      <ConsentRefusalAlert
        ref={ref}
        message={error.message}
        kind={consentKind}
        onRecordConsent={onRecordConsent}
      />
    );
  }
  return (
    <FormErrorAlert
      error={hasFieldErrors ? null : error}
      fieldErrors={props.fieldErrors}
      title={props.title}
      attempt={props.attempt}
    />
  );
}

/**
 * The frame both forms share: the focused heading, the alert, the fields, the hint about missing
 * consent (unless the server already refused for it) and the save and cancel buttons.
 */
function RecordForm(props: {
  id: string;
  title: string;
  maw: number;
  onSubmit: (event: FormEvent) => void;
  error: unknown;
  hasFieldErrors: boolean;
  fieldErrors: Partial<Record<string, string>>;
  attempt: unknown;
  errorTitle: string;
  needed: readonly ConsentKind[];
  missing: ConsentRefusal | null;
  onRecordConsent: ((kind: ConsentKind) => void) | null;
  pending: boolean;
  save: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { id, title, error, missing } = props;
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <Paper withBorder p="md" mt="sm" component="section" aria-labelledby={id}>
      <Title order={3} fz="h4" mb="sm" id={id} ref={titleRef} tabIndex={-1}>
        {title}
      </Title>
      <FormAlert
        error={error}
        hasFieldErrors={props.hasFieldErrors}
        fieldErrors={props.fieldErrors}
        attempt={props.attempt}
        title={props.errorTitle}
        consentKind={missing?.kind ?? props.needed[0] ?? "KOORDINERING"}
        onRecordConsent={props.onRecordConsent}
      />
      <form onSubmit={props.onSubmit} noValidate>
        <Stack gap="md" maw={props.maw}>
          {props.children}
          {missing && !isConsentRefusal(error) && (
            <Text fz="sm" fw={600}>{`${texts.consentHint} ${missing.message}`}</Text>
          )}
          <FormActions submit={props.save} pending={props.pending} onCancel={props.onCancel} />
        </Stack>
      </form>
    </Paper>
  );
}

// ---- Koordineringsinsats ----

const measureTexts = {
  title: "Registrera koordineringsinsats",
  type: "Typ av insats",
  counterpart: "Aktör",
  counterpartHint: "Krävs för samverkan med andra aktörer.",
  chooseCounterpart: "Välj aktör",
  counterpartOther: "Vilken annan aktör",
  date: "Datum för insatsen",
  note: "Anteckning",
  save: "Registrera insatsen",
  errorTitle: "Insatsen kunde inte registreras",
  needType: "Välj typ av insats: personligt stöd, intern samordning eller samverkan.",
  needDate: "Ange datum för insatsen som ÅÅÅÅ-MM-DD.",
};

type MeasureField = "type" | "counterpart" | "counterpartOther" | "date" | "note";
const measureFields: MeasureField[] = ["type", "counterpart", "counterpartOther", "date", "note"];

function MeasureForm(props: {
  patientId: string;
  today: string;
  onRecordConsent: ((kind: ConsentKind) => void) | null;
  onDone: (saved: boolean) => void;
}) {
  const { patientId, today, onRecordConsent, onDone } = props;
  const record = useRecordMeasure(patientId);
  const consents = useConsents(patientId);
  const userId = useSession().user.id;
  const draft = (field: string) => `${draftPrefix(patientId)}measure.${field}`;
  const [type, setType] = useDraftState<MeasureType | "">(userId, draft("type"), "");
  const [counterpart, setCounterpart] = useDraftState<Counterpart | "">(userId, draft("counterpart"), "");
  const [counterpartOther, setCounterpartOther] = useDraftState(userId, draft("counterpartOther"), "");
  const [date, setDate] = useDraftState(userId, draft("date"), today);
  const [note, setNote] = useDraftState(userId, draft("note"), "");
  const [shownErrors, setShownErrors] = useState<Partial<Record<MeasureField, string>>>({});
  const errors = { ...fieldErrors(record.error, measureFields), ...shownErrors };
  const samverkan = type === "SAMVERKAN";
  const chosenCounterpart = samverkan && counterpart ? counterpart : null;
  const needed = type ? consentsForMeasure(type, chosenCounterpart) : ["KOORDINERING" as const];
  const missing = missingConsent(consents.data?.consents, needed, date.trim());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<MeasureField, string>> = {};
    const day = date.trim();
    if (!type) found.type = measureTexts.needType;
    if (!isValidDate(day)) found.date = measureTexts.needDate;
    if (type && !found.date) {
      Object.assign(
        found,
        issuesByField<MeasureField>(
          measureIssues(
            {
              type,
              date: day,
              counterpart: chosenCounterpart,
              counterpartOther: chosenCounterpart === "ANNAN" ? counterpartOther.trim() : "",
            },
            today,
          ),
        ),
      );
    }
    setShownErrors(found);
    if (Object.keys(found).length > 0 || !type) return;
    record.mutate(
      {
        type,
        date: day,
        counterpart: chosenCounterpart,
        counterpartOther: chosenCounterpart === "ANNAN" ? counterpartOther.trim() : "",
        note: note.trim(),
      },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <RecordForm
      id="registrera-insats"
      title={measureTexts.title}
      maw={720}
      onSubmit={onSubmit}
      error={record.error}
      hasFieldErrors={Object.keys(shownErrors).length > 0}
      fieldErrors={errors}
      attempt={shownErrors}
      errorTitle={measureTexts.errorTitle}
      needed={needed}
      missing={missing}
      onRecordConsent={onRecordConsent}
      pending={record.isPending}
      save={measureTexts.save}
      onCancel={() => onDone(false)}
    >
      <Radio.Group
        label={measureTexts.type}
        required
        value={type}
        onChange={(value) => setType(value as MeasureType)}
        error={errors.type}
      >
        <Stack gap="xs" mt={6}>
          {Object.entries(measureTypes).map(([value, label]) => (
            <Radio key={value} value={value} label={label} />
          ))}
        </Stack>
      </Radio.Group>
      {samverkan && (
        <NativeSelect
          label={measureTexts.counterpart}
          description={measureTexts.counterpartHint}
          required
          value={counterpart}
          onChange={(e) => setCounterpart(e.currentTarget.value as Counterpart | "")}
          data={[
            { value: "", label: measureTexts.chooseCounterpart },
            ...Object.entries(counterparts).map(([value, label]) => ({ value, label })),
          ]}
          error={errors.counterpart}
        />
      )}
      {samverkan && counterpart === "ANNAN" && (
        <TextInput
          label={measureTexts.counterpartOther}
          required
          value={counterpartOther}
          onChange={(e) => setCounterpartOther(e.currentTarget.value)}
          error={errors.counterpartOther}
        />
      )}
      <DateField label={measureTexts.date} required value={date} onChange={setDate} error={errors.date} />
      <Textarea
        label={measureTexts.note}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
    </RecordForm>
  );
}

// ---- Samverkansmöte ----

const meetingTexts = {
  title: "Registrera samverkansmöte",
  kind: "Typ av möte",
  date: "Datum för mötet",
  participants: "Deltagare",
  participantsHint:
    "Minst en deltagare från en extern aktör, till exempel arbetsgivaren eller Försäkringskassan.",
  name: (n: number) => `Namn, deltagare ${n}`,
  role: (n: number) => `Roll eller organisation, deltagare ${n}`,
  party: (n: number) => `Företräder, deltagare ${n}`,
  add: "Lägg till deltagare",
  remove: (n: number) => `Ta bort deltagare ${n}`,
  notes: "Anteckningar",
  followUp: "Uppföljningsdatum",
  followUpHint: "ÅÅÅÅ-MM-DD. Lämna tomt om ingen uppföljning är bestämd.",
  save: "Registrera mötet",
  errorTitle: "Mötet kunde inte registreras",
  needKind: "Välj trepartsmöte eller avstämningsmöte.",
  needDate: "Ange datum för mötet som ÅÅÅÅ-MM-DD.",
  needFollowUp: "Ange uppföljningsdatum som ÅÅÅÅ-MM-DD, eller lämna tomt.",
  needName: "Ange deltagarens namn.",
};

interface ParticipantRow {
  key: number;
  name: string;
  role: string;
  party: ParticipantParty;
}

type MeetingField = "kind" | "date" | "participants" | "notes" | "followUpDate";
const meetingFields: MeetingField[] = ["kind", "date", "participants", "notes", "followUpDate"];

function MeetingForm(props: {
  patientId: string;
  today: string;
  onRecordConsent: ((kind: ConsentKind) => void) | null;
  onDone: (saved: boolean) => void;
}) {
  const { patientId, today, onRecordConsent, onDone } = props;
  const record = useRecordMeeting(patientId);
  const consents = useConsents(patientId);
  const userId = useSession().user.id;
  const draft = (field: string) => `${draftPrefix(patientId)}meeting.${field}`;
  const [kind, setKind] = useDraftState<MeetingKind | "">(userId, draft("kind"), "");
  const [date, setDate] = useDraftState(userId, draft("date"), today);
  const [rows, setRows] = useDraftState<ParticipantRow[]>(userId, draft("rows"), [
    { key: 1, name: "", role: "", party: "PATIENT" },
    { key: 2, name: "", role: "", party: "VARDEN" },
    { key: 3, name: "", role: "", party: "ARBETSGIVARE" },
  ]);
  const [notes, setNotes] = useDraftState(userId, draft("notes"), "");
  const [followUp, setFollowUp] = useDraftState(userId, draft("followUp"), "");
  const [shownErrors, setShownErrors] = useState<Partial<Record<MeetingField, string>>>({});
  const [nameErrors, setNameErrors] = useState<Record<number, string>>({});
  const nextKey = useRef(Math.max(0, ...rows.map((r) => r.key)) + 1);
  const errors = { ...fieldErrors(record.error, meetingFields), ...shownErrors };
  const parties = rows.map((r) => r.party);
  const needed = kind ? consentsForMeeting(kind, parties) : (["KOORDINERING"] as ConsentKind[]);
  const missing = missingConsent(consents.data?.consents, needed, date.trim());

  const setRow = (key: number, change: Partial<ParticipantRow>) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<MeetingField, string>> = {};
    const day = date.trim();
    const followUpDate = followUp.trim() || null;
    if (!kind) found.kind = meetingTexts.needKind;
    if (!isValidDate(day)) found.date = meetingTexts.needDate;
    if (followUpDate && !isValidDate(followUpDate)) found.followUpDate = meetingTexts.needFollowUp;
    const names: Record<number, string> = {};
    for (const row of rows) if (!row.name.trim()) names[row.key] = meetingTexts.needName;
    if (kind && !found.date && !found.followUpDate) {
      Object.assign(
        found,
        issuesByField<MeetingField>(
          meetingIssues({ kind, date: day, participants: rows, followUpDate }, today),
        ),
      );
    }
    setShownErrors(found);
    setNameErrors(names);
    if (Object.keys(found).length > 0 || Object.keys(names).length > 0 || !kind) return;
    record.mutate(
      {
        kind,
        date: day,
        participants: rows.map((r) => ({ name: r.name.trim(), role: r.role.trim(), party: r.party })),
        notes: notes.trim(),
        followUpDate,
      },
      { onSuccess: () => onDone(true) },
    );
  };

  const hasFieldErrors = Object.keys(shownErrors).length > 0 || Object.keys(nameErrors).length > 0;
  const participantErrors = Object.fromEntries(
    Object.entries(nameErrors).map(([key, message]) => [`participant-${key}`, message]),
  );
  return (
    <RecordForm
      id="registrera-mote"
      title={meetingTexts.title}
      maw={820}
      onSubmit={onSubmit}
      error={record.error}
      hasFieldErrors={hasFieldErrors}
      fieldErrors={{ ...errors, ...participantErrors }}
      attempt={shownErrors}
      errorTitle={meetingTexts.errorTitle}
      needed={needed}
      missing={missing}
      onRecordConsent={onRecordConsent}
      pending={record.isPending}
      save={meetingTexts.save}
      onCancel={() => onDone(false)}
    >
      <Radio.Group
        label={meetingTexts.kind}
        required
        value={kind}
        onChange={(value) => setKind(value as MeetingKind)}
        error={errors.kind}
      >
        <Group mt={6}>
          {Object.entries(meetingKinds).map(([value, label]) => (
            <Radio key={value} value={value} label={label} />
          ))}
        </Group>
      </Radio.Group>
      <DateField label={meetingTexts.date} required value={date} onChange={setDate} error={errors.date} />
      <Fieldset
        legend={meetingTexts.participants}
        aria-describedby={errors.participants ? "mote-deltagare-fel" : "mote-deltagare-hint"}
      >
        <Text fz="sm" id="mote-deltagare-hint" mb="xs">
          {meetingTexts.participantsHint}
        </Text>
        <Stack gap="sm">
          {rows.map((row, index) => (
            <SimpleGrid key={row.key} cols={{ base: 1, sm: 4 }} spacing="sm" style={{ alignItems: "end" }}>
              <TextInput
                label={meetingTexts.name(index + 1)}
                required
                value={row.name}
                onChange={(e) => setRow(row.key, { name: e.currentTarget.value })}
                error={nameErrors[row.key]}
              />
              <TextInput
                label={meetingTexts.role(index + 1)}
                value={row.role}
                onChange={(e) => setRow(row.key, { role: e.currentTarget.value })}
              />
              <NativeSelect
                label={meetingTexts.party(index + 1)}
                value={row.party}
                onChange={(e) => setRow(row.key, { party: e.currentTarget.value as ParticipantParty })}
                data={Object.entries(participantParties).map(([value, label]) => ({ value, label }))}
              />
              <Button
                variant="subtle"
                color="red.9"
                disabled={rows.length === 1}
                onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
              >
                {meetingTexts.remove(index + 1)}
              </Button>
            </SimpleGrid>
          ))}
        </Stack>
        {errors.participants && (
          <Text id="mote-deltagare-fel" fz="sm" c="var(--mantine-color-error)" mt="xs">
            {errors.participants}
          </Text>
        )}
        <Button
          variant="outline"
          size="xs"
          mt="sm"
          disabled={rows.length >= 30}
          onClick={() => {
            const key = nextKey.current++;
            setRows((current) => [...current, { key, name: "", role: "", party: "ARBETSGIVARE" }]);
          }}
        >
          {meetingTexts.add}
        </Button>
      </Fieldset>
      <Textarea
        label={meetingTexts.notes}
        autosize
        minRows={3}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.notes}
      />
      <DateField
        label={meetingTexts.followUp}
        description={meetingTexts.followUpHint}
        value={followUp}
        onChange={setFollowUp}
        error={errors.followUpDate}
      />
    </RecordForm>
  );
}
