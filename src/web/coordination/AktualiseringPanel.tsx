/**
 * "Aktualisering": every case longer than 30 days (and every case with a decision, and the ongoing case)
 * with its current decision and history, and the coordinator's choice: aktualisera i teamet,
 * koordinera utan team, or ingen åtgärd (with a reason). A decision made by someone else meanwhile
 * (409) is shown, never overwritten silently.
 */
import { Alert, Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLocation } from "react-router";
import {
  aktualiseringDecisions,
  consentKinds,
  consentsForDecision,
  decisionIssues,
  type AktualiseringDecision,
  type ConsentKind,
} from "../../coordination/rules.ts";
import { LONG_CASE_LIMIT_DAYS } from "../../cases/length.ts";
import { isApiError } from "../api/client.ts";
import {
  useAktualisering,
  useConsents,
  useDecide,
  type AktualiseringCase,
  type Decision,
} from "../api/coordination.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FormActions } from "../components/FormActions.tsx";
import { clearDrafts, useDraftState } from "../components/formDrafts.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { Loading } from "../components/Loading.tsx";
import { dateLabel } from "../format.ts";
import { issuesByField, isValidDate, missingConsent } from "./checks.ts";
import { ConsentRefusalAlert, DateField, Facts, isConsentRefusal, userName } from "./parts.tsx";

const texts = {
  title: "Aktualisering",
  intro: `Sjukfall längre än ${LONG_CASE_LIMIT_DAYS} dagar lämnas till rehabkoordinatorn och ska få ett beslut: aktualisering i det multimodala teamet, koordinering utan team eller ingen åtgärd.`,
  loading: "Hämtar sjukfallen och besluten …",
  none: `Patienten har inget sjukfall på enheten som är längre än ${LONG_CASE_LIMIT_DAYS} dagar och inget aktualiseringsbeslut.`,
  caseHeading: (c: AktualiseringCase) =>
    `Sjukfall ${dateLabel(c.start)} – ${dateLabel(c.end)}${c.ongoing ? ` (pågående, dag ${c.dayInCase})` : " (avslutat)"}`,
  length: "Längd",
  days: (n: number) => `${n} dagar`,
  needsDecision: "Beslut saknas",
  notYet: `Inte längre än ${LONG_CASE_LIMIT_DAYS} dagar`,
  current: "Aktuellt beslut",
  noDecision: "Inget beslut ännu.",
  decisionText: (d: Decision) =>
    `${d.decisionLabel}, ${dateLabel(d.decidedDate)} (${userName(d.decidedBy)})${d.reason ? `. Motivering: ${d.reason}` : ""}`,
  fromSamtal: " – beslutat i ett kartläggande samtal",
  history: "Tidigare beslut",
  superseded: "ersatt",
  decide: "Besluta",
  change: "Ändra beslut",
  other: "Beslut om sjukfall som inte längre finns",
  otherIntro:
    "Sjukfallen har ändrats sedan besluten togs (till exempel efter ett makulerat intyg). Besluten visas ändå.",
  otherItem: (d: Decision) => `Sjukfall med start ${dateLabel(d.caseStart)}: ${texts.decisionText(d)}`,
  saved: "Beslutet är sparat.",
};

export function AktualiseringPanel(props: {
  patientId: string;
  onRecordConsent: ((kind: ConsentKind) => void) | null;
}) {
  const { patientId, onRecordConsent } = props;
  const aktualisering = useAktualisering(patientId);
  const shown = (aktualisering.data?.cases ?? []).filter(
    (c) => c.longerThan30Days || c.needsDecision || c.history.length > 0 || c.ongoing,
  );
  const titleRef = useRef<HTMLHeadingElement>(null);
  const loaded = aktualisering.data !== undefined;
  const { hash } = useLocation();
  useEffect(() => {
    // Arriving from an aktualisering task ("Besluta"): bring the decision into view and focus.
    if (loaded && hash === "#aktualisering" && titleRef.current) {
      titleRef.current.scrollIntoView?.({ block: "start" });
      titleRef.current.focus();
    }
  }, [loaded, hash]);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="aktualisering">
      <Title order={2} id="aktualisering" fz="h3" mb="xs" ref={titleRef} tabIndex={-1}>
        {texts.title}
      </Title>
      <Text mb="sm">{texts.intro}</Text>
      {aktualisering.isPending && <Loading label={texts.loading} />}
      {aktualisering.isError && <ErrorAlert error={aktualisering.error} />}
      {aktualisering.data && shown.length === 0 && aktualisering.data.otherDecisions.length === 0 && (
        <Text>{texts.none}</Text>
      )}
      {aktualisering.data && shown.length > 0 && (
        <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
          {shown.map((c) => (
            <CaseDecision
              key={c.start}
              sjukfall={c}
              patientId={patientId}
              today={aktualisering.data.today}
              onRecordConsent={onRecordConsent}
            />
          ))}
        </Stack>
      )}
      {aktualisering.data && aktualisering.data.otherDecisions.length > 0 && (
        <>
          <Title order={3} fz="h4" mt="md">
            {texts.other}
          </Title>
          <Text fz="sm">{texts.otherIntro}</Text>
          <ul>
            {aktualisering.data.otherDecisions.map((d) => (
              <li key={d.id}>
                {texts.otherItem(d)}
                {d.current ? "" : ` (${texts.superseded})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </Paper>
  );
}

function CaseDecision(props: {
  sjukfall: AktualiseringCase;
  patientId: string;
  today: string;
  onRecordConsent: ((kind: ConsentKind) => void) | null;
}) {
  const { sjukfall: c, patientId, today, onRecordConsent } = props;
  const me = useSession();
  const draftPrefix = `aktualisering.${patientId}.${c.start}.`;
  const [deciding, setDeciding] = useDraftState(me.user.id, `${draftPrefix}open`, false);
  const [saved, setSaved] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = `aktualisering-${c.start}`;
  const earlier = c.history.filter((d) => !d.current);
  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId} data-testid="aktualisering-sjukfall">
      <Group gap="sm" mb="xs">
        <Title order={3} fz="h4" id={headingId} ref={headingRef} tabIndex={-1}>
          {texts.caseHeading(c)}
        </Title>
        {c.needsDecision && (
          <Badge color="red.9" variant="filled">
            {texts.needsDecision}
          </Badge>
        )}
        {!c.longerThan30Days && (
          <Badge color="gray.7" variant="outline">
            {texts.notYet}
          </Badge>
        )}
      </Group>
      <Facts
        facts={[
          [texts.length, texts.days(c.days)],
          [
            texts.current,
            c.current
              ? `${texts.decisionText(c.current)}${c.current.samtalId ? texts.fromSamtal : ""}`
              : texts.noDecision,
          ],
        ]}
      />
      {earlier.length > 0 && (
        <>
          <Title order={4} fz="h5" mt="sm">
            {texts.history}
          </Title>
          <ol>
            {earlier.map((d) => (
              <li key={d.id}>{`${texts.decisionText(d)} (${texts.superseded})`}</li>
            ))}
          </ol>
        </>
      )}
      <Text role="status" fw={600} mt={saved ? "xs" : 0}>
        {saved ? texts.saved : ""}
      </Text>
      {can(me, "coordination.write") && !deciding && (
        <Button
          variant={c.needsDecision ? "filled" : "outline"}
          size="sm"
          mt="sm"
          onClick={() => {
            setSaved(false);
            setDeciding(true);
          }}
        >
          {c.current ? texts.change : texts.decide}
        </Button>
      )}
      {can(me, "coordination.write") && deciding && (
        <DecisionForm
          sjukfall={c}
          patientId={patientId}
          today={today}
          onRecordConsent={onRecordConsent}
          draftPrefix={draftPrefix}
          onDone={(didSave) => {
            clearDrafts(me.user.id, draftPrefix);
            setDeciding(false);
            setSaved(didSave);
            headingRef.current?.focus();
          }}
        />
      )}
    </Paper>
  );
}

const formTexts = {
  legend: "Beslut",
  needs: (kinds: ConsentKind[]) =>
    kinds.length === 0
      ? "Kräver inget samtycke."
      : `Kräver samtycke till ${kinds.map((k) => consentKinds[k].toLowerCase()).join(" och ")}.`,
  reason: "Motivering",
  reasonHint: "Krävs när ingen åtgärd behövs.",
  decidedDate: "Beslutsdatum",
  save: "Spara beslutet",
  errorTitle: "Beslutet kunde inte sparas",
  needDecision: "Välj beslut.",
  needDate: "Ange beslutsdatum som ÅÅÅÅ-MM-DD.",
  conflictTitle: "Någon annan har beslutat under tiden",
  conflictBody: (d: Decision | null) =>
    d
      ? `Aktuellt beslut nu: ${texts.decisionText(d)}.`
      : "Det beslut du såg gäller inte längre och sjukfallet har inget aktuellt beslut.",
  conflictHint: "Ditt beslut är inte sparat. Dina val finns kvar: spara igen om du vill ersätta beslutet.",
  consentHint: "Samtycke saknas:",
};

type DecisionField = "decision" | "reason" | "decidedDate";

function DecisionForm(props: {
  sjukfall: AktualiseringCase;
  patientId: string;
  today: string;
  onRecordConsent: ((kind: ConsentKind) => void) | null;
  /** Where the form's input is kept as a draft until saved or cancelled. */
  draftPrefix: string;
  onDone: (saved: boolean) => void;
}) {
  const { sjukfall: c, patientId, today, onRecordConsent, draftPrefix, onDone } = props;
  const userId = useSession().user.id;
  const decide = useDecide(patientId);
  const consents = useConsents(patientId);
  const [decision, setDecision] = useDraftState<AktualiseringDecision | "">(
    userId,
    `${draftPrefix}decision`,
    "",
  );
  const [reason, setReason] = useDraftState(userId, `${draftPrefix}reason`, "");
  const [decidedDate, setDecidedDate] = useDraftState(userId, `${draftPrefix}date`, today);
  const [shownErrors, setShownErrors] = useState<Partial<Record<DecisionField, string>>>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const error = decide.error;
  const conflict = isApiError(error, 409);
  const refusal = isConsentRefusal(error) ? error : null;
  const refused = refusal !== null;
  const conflictCurrent = isApiError(error, 409) ? ((error.current ?? null) as Decision | null) : undefined;
  const errors = { ...fieldErrors(decide.error, ["decision", "reason", "decidedDate"]), ...shownErrors };
  const date = decidedDate.trim();
  const needed = decision ? consentsForDecision(decision) : [];
  const missing = decision ? missingConsent(consents.data?.consents, needed, date) : null;

  useEffect(() => {
    formRef.current?.querySelector("input")?.focus();
  }, []);

  useEffect(() => {
    if (conflict || refused) alertRef.current?.focus();
  }, [conflict, refused, decide.error]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<DecisionField, string>> = {};
    if (!decision) found.decision = formTexts.needDecision;
    if (!isValidDate(date)) found.decidedDate = formTexts.needDate;
    if (decision && !found.decidedDate) {
      Object.assign(
        found,
        issuesByField<DecisionField>(
          decisionIssues({ caseStart: c.start, decision, decidedDate: date, reason: reason.trim() }, today),
        ),
      );
    }
    setShownErrors(found);
    if (Object.keys(found).length > 0 || !decision) return;
    // The decision the user sees as current; after a conflict, the one that was shown to them.
    const seen = conflictCurrent !== undefined ? (conflictCurrent?.id ?? null) : (c.current?.id ?? null);
    decide.mutate(
      { caseStart: c.start, decision, decidedDate: date, reason: reason.trim(), supersedesId: seen },
      { onSuccess: () => onDone(true) },
    );
  };

  const refusedKind = refused
    ? (missingConsent(consents.data?.consents, needed, date)?.kind ?? needed[0] ?? "KOORDINERING")
    : "KOORDINERING";

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={`${formTexts.legend}: ${texts.caseHeading(c)}`}
    >
      {conflict && (
        <Alert
          ref={alertRef}
          tabIndex={-1}
          color="orange"
          variant="outline"
          title={formTexts.conflictTitle}
          role="alert"
          my="sm"
          styles={{ title: { color: "var(--mantine-color-black)" } }}
        >
          <Text>{formTexts.conflictBody(conflictCurrent ?? null)}</Text>
          <Text mt="xs">{formTexts.conflictHint}</Text>
        </Alert>
      )}
      {refusal && (
        <ConsentRefusalAlert
          ref={alertRef}
          message={refusal.message}
          kind={refusedKind}
          onRecordConsent={onRecordConsent}
        />
      )}
      {!conflict && !refused && (
        <FormErrorAlert
          error={Object.keys(shownErrors).length > 0 ? null : decide.error}
          fieldErrors={errors}
          title={formTexts.errorTitle}
          attempt={shownErrors}
        />
      )}
      <Stack gap="md" maw={720} mt="sm">
        <Radio.Group
          label={formTexts.legend}
          required
          value={decision}
          onChange={(value) => setDecision(value as AktualiseringDecision)}
          error={errors.decision}
        >
          <Stack gap="xs" mt={6}>
            {(Object.entries(aktualiseringDecisions) as [AktualiseringDecision, string][]).map(
              ([value, label]) => (
                <Radio
                  key={value}
                  value={value}
                  label={label}
                  description={formTexts.needs(consentsForDecision(value))}
                />
              ),
            )}
          </Stack>
        </Radio.Group>
        {missing && !refused && (
          <Text fz="sm" fw={600}>
            {`${formTexts.consentHint} ${missing.message}`}
          </Text>
        )}
        <Textarea
          label={formTexts.reason}
          description={formTexts.reasonHint}
          required={decision === "INGEN_ATGARD"}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
        />
        <DateField
          label={formTexts.decidedDate}
          required
          value={decidedDate}
          onChange={setDecidedDate}
          error={errors.decidedDate}
        />
        <FormActions submit={formTexts.save} pending={decide.isPending} onCancel={() => onDone(false)} />
      </Stack>
    </form>
  );
}
