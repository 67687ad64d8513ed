/**
 * "Samtycken": the state today of each of the three consents (koordinering, team, information to
 * Försäkringskassan), recording a consent, withdrawing one, and the full history.
 */
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  consentIssues,
  consentKinds,
  consentMethods,
  defaultConsentValidTo,
  withdrawalIssues,
  type ConsentKind,
  type ConsentMethod,
} from "../../coordination/rules.ts";
import { isApiError } from "../api/client.ts";
import {
  useConsents,
  useRecordConsent,
  useWithdrawConsent,
  type Consent,
  type ConsentStatus,
} from "../api/coordination.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FormActions } from "../components/FormActions.tsx";
import { clearDrafts, useDraftState } from "../components/formDrafts.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { Loading } from "../components/Loading.tsx";
import { countLabel, dateLabel, dateTimeLabel } from "../format.ts";
import { issuesByField, isValidDate } from "./checks.ts";
import { DateField, userName } from "./parts.tsx";

const texts = {
  title: "Samtycken",
  intro:
    "Samtycke enligt lag (2019:1297) om koordineringsinsatser. De tre samtyckena registreras var för sig.",
  loading: "Hämtar samtyckena …",
  kind: "Samtycke till",
  state: "Status",
  validTo: "Giltigt till",
  daysLeft: "Dagar kvar",
  stateText: (s: ConsentStatus) =>
    s.state === "valid" && s.validTo ? `Giltigt till ${dateLabel(s.validTo)}` : s.stateLabel,
  days: (n: number) => countLabel(n, "dag", "dagar"),
  record: "Registrera samtycke",
  history: "Historik",
  noHistory: "Inga samtycken är registrerade för patienten på den här vårdenheten.",
  historyItem: (c: Consent) =>
    `${c.kindLabel}: lämnat ${dateLabel(c.obtainedDate)} (${c.methodLabel.toLowerCase()}), giltigt till ${dateLabel(c.validTo)}.`,
  recordedBy: (c: Consent) => `Registrerat av ${userName(c.obtainedBy)} ${dateTimeLabel(c.recordedAt)}.`,
  scope: (scope: string) => `Omfattning: ${scope}`,
  withdrawn: (c: Consent) =>
    c.withdrawal
      ? `Återkallat från och med ${dateLabel(c.withdrawal.date)} (registrerat av ${userName(c.withdrawal.by)})${c.withdrawal.note ? `: ${c.withdrawal.note}` : "."}`
      : "",
  withdraw: "Återkalla",
  withdrawName: (c: Consent) => `Återkalla samtycke: ${c.kindLabel.toLowerCase()}, lämnat ${c.obtainedDate}`,
};

/** The consent form's drafts for the patient. */
const draftPrefix = (patientId: string) => `samtycke.${patientId}.`;

export function ConsentPanel(props: {
  patientId: string;
  /** A request from another panel to record this kind of consent (a new object each time). */
  request: { kind: ConsentKind } | null;
}) {
  const { patientId, request } = props;
  const me = useSession();
  const consents = useConsents(patientId);
  const mayRecord = can(me, "consent.record");
  // The open form and its input are kept as drafts until saved or cancelled (formDrafts.ts).
  const [formKind, setFormKind] = useDraftState<ConsentKind | null>(
    me.user.id,
    `${draftPrefix(patientId)}open`,
    null,
  );
  const [savedMessage, setSavedMessage] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (request && mayRecord) setFormKind(request.kind);
  }, [request, mayRecord]);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="samtycken">
      <Group justify="space-between" mb="xs">
        <Title order={2} id="samtycken" fz="h3" ref={headingRef} tabIndex={-1}>
          {texts.title}
        </Title>
        {mayRecord && formKind === null && (
          <Button
            variant="outline"
            size="sm"
            onClick={() => {
              setSavedMessage("");
              setFormKind("KOORDINERING");
            }}
          >
            {texts.record}
          </Button>
        )}
      </Group>
      <Text mb="sm">{texts.intro}</Text>
      <Text role="status" fw={600} mb={savedMessage ? "sm" : 0}>
        {savedMessage}
      </Text>
      {consents.isPending && <Loading label={texts.loading} />}
      {consents.isError && <ErrorAlert error={consents.error} />}
      {consents.data && (
        <>
          <StateTable states={consents.data.states} />
          {formKind !== null && (
            <ConsentForm
              patientId={patientId}
              initialKind={formKind}
              today={consents.data.today}
              request={request}
              onDone={(saved) => {
                clearDrafts(me.user.id, draftPrefix(patientId));
                setFormKind(null);
                if (saved) {
                  setSavedMessage(formTexts.saved(consentKinds[saved]));
                  headingRef.current?.focus();
                }
              }}
            />
          )}
          <Title order={3} fz="h4" mt="md" mb="xs">
            {texts.history}
          </Title>
          {consents.data.consents.length === 0 ? (
            <Text>{texts.noHistory}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
              {consents.data.consents.map((c) => (
                <ConsentItem
                  key={c.id}
                  consent={c}
                  patientId={patientId}
                  today={consents.data.today}
                  mayWithdraw={mayRecord}
                />
              ))}
            </Stack>
          )}
        </>
      )}
    </Paper>
  );
}

function StateTable({ states }: { states: ConsentStatus[] }) {
  return (
    <Table withTableBorder maw={760} data-testid="samtycke-status">
      <Table.Caption className="visually-hidden">{texts.title}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{texts.kind}</Table.Th>
          <Table.Th scope="col">{texts.state}</Table.Th>
          <Table.Th scope="col">{texts.daysLeft}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {states.map((s) => (
          <Table.Tr key={s.kind} data-kind={s.kind}>
            <Table.Th scope="row">{s.kindLabel}</Table.Th>
            <Table.Td>
              <Text span fw={s.state === "valid" ? 400 : 700}>
                {texts.stateText(s)}
              </Text>
              {s.state !== "valid" && s.validTo && (
                <Text span fz="sm" ml="xs">
                  {`(${texts.validTo.toLowerCase()} ${dateLabel(s.validTo)})`}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{s.daysLeft === null ? "–" : texts.days(s.daysLeft)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

// ---- Registrera samtycke ----

const formTexts = {
  title: "Registrera samtycke",
  kind: "Samtycket gäller",
  obtainedDate: "Datum då samtycket lämnades",
  method: "Hur samtycket lämnades",
  scope: "Omfattning",
  scopeHint: "Vad patienten samtycker till, till exempel vilka aktörer som får kontaktas och i vilket syfte.",
  validTo: "Giltigt till och med",
  validToHint: (defaultDate: string | null) =>
    defaultDate
      ? `ÅÅÅÅ-MM-DD. Lämna tomt för 12 månader, till och med ${defaultDate}.`
      : "ÅÅÅÅ-MM-DD. Lämna tomt för 12 månader.",
  save: "Registrera samtycket",
  errorTitle: "Samtycket kunde inte registreras",
  needDate: "Ange datum för samtycket som ÅÅÅÅ-MM-DD.",
  needValidTo: "Ange giltigt till som ÅÅÅÅ-MM-DD, eller lämna tomt.",
  needMethod: "Ange om samtycket lämnades muntligt eller skriftligt.",
  needScope: "Beskriv vad samtycket omfattar.",
  saved: (kind: string) => `Samtycket till ${kind.toLowerCase()} är registrerat.`,
};

type ConsentField = "kind" | "obtainedDate" | "method" | "scope" | "validTo";
const consentFields: ConsentField[] = ["kind", "obtainedDate", "method", "scope", "validTo"];

function ConsentForm(props: {
  patientId: string;
  initialKind: ConsentKind;
  today: string;
  request: { kind: ConsentKind } | null;
  onDone: (saved: ConsentKind | null) => void;
}) {
  const { patientId, initialKind, today, request, onDone } = props;
  const record = useRecordConsent(patientId);
  const userId = useSession().user.id;
  const draft = (field: string) => `${draftPrefix(patientId)}${field}`;
  const [kind, setKind] = useDraftState<ConsentKind>(userId, draft("kind"), initialKind);
  const [obtainedDate, setObtainedDate] = useDraftState(userId, draft("obtainedDate"), today);
  const [method, setMethod] = useDraftState<ConsentMethod | "">(userId, draft("method"), "");
  const [scope, setScope] = useDraftState(userId, draft("scope"), "");
  const [validTo, setValidTo] = useDraftState(userId, draft("validTo"), "");
  const [shownErrors, setShownErrors] = useState<Partial<Record<ConsentField, string>>>({});
  const titleRef = useRef<HTMLHeadingElement>(null);
  const errors = { ...fieldErrors(record.error, consentFields), ...shownErrors };

  // Opened on request from another panel: take the user there.
  useEffect(() => {
    setKind(initialKind);
    titleRef.current?.scrollIntoView({ block: "center" });
    titleRef.current?.focus();
  }, [initialKind, request]);

  const obtained = obtainedDate.trim();
  const defaultValidTo = isValidDate(obtained) ? defaultConsentValidTo(obtained) : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<ConsentField, string>> = {};
    if (!isValidDate(obtained)) found.obtainedDate = formTexts.needDate;
    if (validTo.trim() && !isValidDate(validTo.trim())) found.validTo = formTexts.needValidTo;
    if (!method) found.method = formTexts.needMethod;
    if (!scope.trim()) found.scope = formTexts.needScope;
    if (!found.obtainedDate && !found.validTo) {
      Object.assign(
        found,
        issuesByField<ConsentField>(
          consentIssues({ obtainedDate: obtained, validTo: validTo.trim() || null }, today),
        ),
      );
    }
    setShownErrors(found);
    if (Object.keys(found).length > 0) return;
    record.mutate(
      {
        kind,
        obtainedDate: obtained,
        method: method as ConsentMethod,
        scope: scope.trim(),
        validTo: validTo.trim() || null,
      },
      { onSuccess: (consent) => onDone(consent.kind) },
    );
  };

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="registrera-samtycke">
      <Title order={3} fz="h4" mb="sm" id="registrera-samtycke" ref={titleRef} tabIndex={-1}>
        {formTexts.title}
      </Title>
      <FormErrorAlert
        error={Object.keys(shownErrors).length > 0 ? null : record.error}
        fieldErrors={errors}
        title={formTexts.errorTitle}
        attempt={shownErrors}
      />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={720}>
          <NativeSelect
            label={formTexts.kind}
            required
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as ConsentKind)}
            data={Object.entries(consentKinds).map(([value, label]) => ({ value, label }))}
            error={errors.kind}
          />
          <DateField
            label={formTexts.obtainedDate}
            required
            value={obtainedDate}
            onChange={setObtainedDate}
            error={errors.obtainedDate}
          />
          <Radio.Group
            label={formTexts.method}
            required
            value={method}
            onChange={(value) => setMethod(value as ConsentMethod)}
            error={errors.method}
          >
            <Group mt={6}>
              {Object.entries(consentMethods).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={formTexts.scope}
            description={formTexts.scopeHint}
            required
            autosize
            minRows={2}
            value={scope}
            onChange={(e) => setScope(e.currentTarget.value)}
            error={errors.scope}
          />
          <DateField
            label={formTexts.validTo}
            description={formTexts.validToHint(defaultValidTo)}
            value={validTo}
            onChange={setValidTo}
            error={errors.validTo}
          />
          <FormActions submit={formTexts.save} pending={record.isPending} onCancel={() => onDone(null)} />
        </Stack>
      </form>
    </Paper>
  );
}

// ---- History and withdrawal ----

const withdrawTexts = {
  date: "Datum då samtycket återkallades",
  note: "Anteckning",
  noteHint: "Till exempel hur patienten återkallade samtycket.",
  save: "Återkalla samtycket",
  errorTitle: "Samtycket kunde inte återkallas",
  needDate: "Ange datum för återkallelsen som ÅÅÅÅ-MM-DD.",
  conflict:
    "Någon annan har ändrat samtycket medan du skrev. Uppgifterna ovan är uppdaterade; kontrollera dem och försök igen.",
};

function ConsentItem(props: { consent: Consent; patientId: string; today: string; mayWithdraw: boolean }) {
  const { consent: c, patientId, today, mayWithdraw } = props;
  const [withdrawing, setWithdrawing] = useState(false);
  const titleRef = useRef<HTMLParagraphElement>(null);
  // A consent that ran out no longer needs withdrawing.
  const canWithdraw = mayWithdraw && c.withdrawal === null && c.validTo >= today;
  return (
    <Paper component="li" withBorder p="sm" data-testid="samtycke">
      <Text fw={600} ref={titleRef} tabIndex={-1}>
        {texts.historyItem(c)}
      </Text>
      <Text fz="sm">{texts.scope(c.scope)}</Text>
      <Text fz="sm">{texts.recordedBy(c)}</Text>
      {c.withdrawal && <Text fz="sm">{texts.withdrawn(c)}</Text>}
      {canWithdraw && !withdrawing && (
        <Button
          variant="outline"
          color="red.9"
          size="xs"
          mt="xs"
          aria-label={texts.withdrawName(c)}
          onClick={() => setWithdrawing(true)}
        >
          {texts.withdraw}
        </Button>
      )}
      {canWithdraw && withdrawing && (
        <WithdrawForm
          consent={c}
          patientId={patientId}
          today={today}
          onDone={() => {
            setWithdrawing(false);
            titleRef.current?.focus();
          }}
        />
      )}
    </Paper>
  );
}

function WithdrawForm(props: { consent: Consent; patientId: string; today: string; onDone: () => void }) {
  const { consent, patientId, today, onDone } = props;
  const withdraw = useWithdrawConsent(patientId);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState("");
  const [dateError, setDateError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const conflict = isApiError(withdraw.error, 409);

  useEffect(() => {
    formRef.current?.querySelector("input")?.focus();
  }, []);
  const serverErrors = fieldErrors(withdraw.error, ["withdrawnDate", "note"]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = date.trim();
    const problem = !isValidDate(value)
      ? withdrawTexts.needDate
      : (withdrawalIssues(
          {
            obtainedDate: consent.obtainedDate,
            validTo: consent.validTo,
            withdrawnDate: consent.withdrawal?.date ?? null,
          },
          value,
          today,
        )[0]?.message ?? null);
    setDateError(problem);
    if (problem) return;
    withdraw.mutate(
      { id: consent.id, version: consent.version, withdrawnDate: value, note: note.trim() },
      { onSuccess: onDone },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={texts.withdrawName(consent)}>
      <FormErrorAlert
        error={dateError ? null : withdraw.error}
        {...(conflict ? { message: withdrawTexts.conflict } : {})}
        fieldErrors={{ withdrawnDate: dateError ?? serverErrors.withdrawnDate, note: serverErrors.note }}
        title={withdrawTexts.errorTitle}
        attempt={dateError}
      />
      <Stack gap="sm" maw={560} mt="sm">
        <DateField
          label={withdrawTexts.date}
          required
          value={date}
          onChange={setDate}
          error={dateError ?? serverErrors.withdrawnDate}
        />
        <Textarea
          label={withdrawTexts.note}
          description={withdrawTexts.noteHint}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={serverErrors.note}
        />
        <FormActions
          submit={withdrawTexts.save}
          pending={withdraw.isPending}
          onCancel={onDone}
          color="red.9"
        />
      </Stack>
    </form>
  );
}
