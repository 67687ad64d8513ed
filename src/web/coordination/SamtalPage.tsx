/**
 * One kartläggande samtal (route /patienter/:id/kartlaggning/:samtalId): the structured form with
 * autosave while it is a draft and the user may write, "Slutför" with outcome, next step and date;
 * a completed samtal (or one the user may only read) is shown read-only.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type Ref } from "react";
import { Link, useParams } from "react-router";
import {
  consentsForDecision,
  isDecision,
  samtalCompletionIssues,
  samtalOutcomes,
  type SamtalOutcome,
} from "../../coordination/rules.ts";
import { ApiError, isApiError } from "../api/client.ts";
import { ConflictComparison } from "../components/ConflictComparison.tsx";
import {
  completeSamtal,
  invalidateCoordination,
  useAktualisering,
  useSamtal,
  type Samtal,
} from "../api/coordination.ts";
import { keys } from "../api/keys.ts";
import { usePatient } from "../api/patients.ts";
import { can, useSession } from "../app/session.tsx";
import { useToday } from "../app/useToday.ts";
import { ErrorAlert, errorMessage } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { dateLabel, dateTimeLabel } from "../format.ts";
import { issuesByField } from "./checks.ts";
import { ConsentRefusalAlert, DateField, Facts, isConsentRefusal, userName } from "./parts.tsx";
import {
  areaIds,
  contentOf,
  dateErrors,
  differences,
  draftOf,
  fieldLabels,
  type SamtalDraft,
  type SamtalField,
} from "./samtalDraft.ts";
import { useSamtalAutosave } from "./useSamtalAutosave.ts";

const texts = {
  title: "Kartläggande samtal",
  loading: "Hämtar samtalet …",
  notFound: "Samtalet hittades inte på den vårdenhet du arbetar på.",
  patient: "Patient",
  back: "Till patienten",
  status: "Status",
  heldBy: "Förs av",
  areas: "Kartläggning",
  areaHint: "Patientens egen beskrivning och det ni kommer fram till.",
  result: "Resultat och nästa steg",
  noCase: "Inget valt sjukfall",
  caseOption: (start: string, end: string, ongoing: boolean) =>
    `${dateLabel(start)} – ${dateLabel(end)}${ongoing ? " (pågående)" : ""}`,
  caseHint: "Krävs när samtalet leder till ett aktualiseringsbeslut.",
  outcomeHint: "Ett beslut om aktualisering sparas också som sjukfallets beslut när samtalet slutförs.",
  reasonHint: "Krävs när ingen åtgärd behövs.",
  save: "Spara nu",
  complete: "Slutför samtalet",
  completeHint: "Ett slutfört samtal kan inte ändras.",
  confirmTitle: "Slutföra samtalet?",
  confirmBody:
    "Ett slutfört samtal kan inte ändras. Leder samtalet till ett aktualiseringsbeslut sparas det också som sjukfallets beslut.",
  confirm: "Ja, slutför samtalet",
  cancel: "Avbryt",
  saving: "Sparar …",
  savedAt: (at: Date) =>
    `Alla ändringar är sparade (${at.toLocaleTimeString("sv-SE", { hour: "2-digit", minute: "2-digit" })}).`,
  allSaved: "Alla ändringar är sparade.",
  unsaved: "Ändringarna sparas automatiskt.",
  notSaved: "Ändringarna är inte sparade.",
  incompleteDates: "Datum sparas när de är hela datum (ÅÅÅÅ-MM-DD).",
  saveError: "Samtalet kunde inte sparas",
  completeError: "Samtalet kunde inte slutföras",
  summaryTitle: (n: number) =>
    n === 1
      ? "1 uppgift saknas innan samtalet kan slutföras"
      : `${n} uppgifter saknas innan samtalet kan slutföras`,
  completed: "Samtalet är slutfört.",
  consentLink: "Till samtyckena på patientsidan",
  conflictTitle: "Någon annan har ändrat samtalet",
  conflictBody:
    "Samtalet sparades av någon annan medan du skrev. Dina ändringar är inte sparade men finns kvar i formuläret. Jämför och välj hur du vill fortsätta.",
  field: "Uppgift",
  same: "Inga skillnader i texterna.",
  completedElsewhere: "Visa det slutförda samtalet",
  completedBy: "Slutfört",
  completedText: (s: Samtal) =>
    s.completedAt ? `${dateTimeLabel(s.completedAt)} av ${userName(s.completedBy)}` : "–",
  outcome: "Ledde till",
};

export function SamtalPage() {
  const { id: patientId = "", samtalId = "" } = useParams();
  const samtal = useSamtal(samtalId);
  const patient = usePatient(patientId);
  const me = useSession();
  const notFound = isApiError(samtal.error, 404) || isApiError(samtal.error, 400);
  const editable = samtal.data?.status === "UTKAST" && can(me, "coordination.write");
  const [completedHere, setCompletedHere] = useState(false);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/patienter/${patientId}`} fz="sm" mb={-12}>
        <span aria-hidden>← </span>
        {texts.back}
      </Anchor>
      <PageTitle title={texts.title} />
      {patient.data && (
        <Text>
          {texts.patient}: {patient.data.givenName} {patient.data.familyName}, {patient.data.personnummer}
        </Text>
      )}
      {samtal.isPending && <Loading label={texts.loading} />}
      {notFound && <Text>{texts.notFound}</Text>}
      {samtal.isError && !notFound && <ErrorAlert error={samtal.error} />}
      {samtal.data &&
        (editable ? (
          <SamtalEditor
            key={samtal.data.id}
            samtal={samtal.data}
            patientId={patientId}
            onCompleted={() => setCompletedHere(true)}
          />
        ) : (
          <SamtalView samtal={samtal.data} completedHere={completedHere} />
        ))}
    </Stack>
  );
}

// ---- Read-only ----

function SamtalView({ samtal: s, completedHere }: { samtal: Samtal; completedHere: boolean }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (completedHere) headingRef.current?.focus();
  }, [completedHere]);
  const facts: [string, string][] = [
    [texts.status, s.statusLabel],
    [fieldLabels.samtalDate, dateLabel(s.samtalDate)],
    [texts.heldBy, userName(s.heldBy)],
    [fieldLabels.caseStart, s.caseStart ? `Sjukfall med start ${dateLabel(s.caseStart)}` : texts.noCase],
    ...areaIds.map((area): [string, string] => [fieldLabels[area], s[area] || "–"]),
    [texts.outcome, s.outcomeLabel ?? "–"],
    [fieldLabels.outcomeReason, s.outcomeReason || "–"],
    [fieldLabels.nextStep, s.nextStep || "–"],
    [fieldLabels.nextStepDate, dateLabel(s.nextStepDate)],
  ];
  if (s.status === "KLAR") facts.push([texts.completedBy, texts.completedText(s)]);
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-labelledby="samtal-innehall"
      data-testid="samtal-visning"
    >
      <Group gap="sm" mb="sm">
        <Title order={2} fz="h3" id="samtal-innehall" ref={headingRef} tabIndex={-1}>
          {`${texts.title} ${dateLabel(s.samtalDate)}`}
        </Title>
        <Badge variant="outline" color="dark">
          {s.statusLabel}
        </Badge>
      </Group>
      <Text role="status" fw={600} mb={completedHere ? "sm" : 0}>
        {completedHere ? texts.completed : ""}
      </Text>
      <Facts facts={facts} />
    </Paper>
  );
}

// ---- Editor ----

function SamtalEditor(props: { samtal: Samtal; patientId: string; onCompleted: () => void }) {
  const { samtal, patientId, onCompleted } = props;
  const queryClient = useQueryClient();
  const aktualisering = useAktualisering(patientId);
  const me = useSession();
  const autosave = useSamtalAutosave(samtal);
  const { draft, update, state } = autosave;
  const [completeErrors, setCompleteErrors] = useState<Partial<Record<SamtalField, string>>>({});
  const [completeError, setCompleteError] = useState<unknown>(null);
  const [completing, setCompleting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const today = useToday();
  const typedDateErrors = dateErrors(draft);
  const errors: Partial<Record<SamtalField, string>> = { ...completeErrors, ...typedDateErrors };
  const summary = Object.entries(completeErrors) as [SamtalField, string][];

  useEffect(() => {
    if (state.conflict || completeError || state.error) alertRef.current?.focus();
  }, [state.conflict, state.error, completeError]);

  const set = <K extends SamtalField>(field: K, value: SamtalDraft[K]) => {
    update(field, value);
    if (completeErrors[field]) setCompleteErrors(({ [field]: _, ...rest }) => rest as typeof completeErrors);
  };

  const complete = async () => {
    setCompleteError(null);
    const found = {
      ...issuesByField<SamtalField>(samtalCompletionIssues(contentOf(draft), today)),
      ...dateErrors(draft),
    };
    setCompleteErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    // Completing cannot be undone: ask first.
    setConfirming(true);
  };

  const finish = async () => {
    setConfirming(false);
    setCompleting(true);
    try {
      if (!(await autosave.flush())) return;
      const done = await completeSamtal(samtal.id, autosave.version());
      onCompleted();
      queryClient.setQueryData(keys.samtal(samtal.id), done);
      await invalidateCoordination(queryClient, patientId);
    } catch (error) {
      if (isApiError(error, 409) && error.current) autosave.showConflict(error.current as Samtal);
      else {
        if (error instanceof ApiError && error.issues.length > 0) {
          setCompleteErrors(issuesByField<SamtalField>(error.issues));
        }
        setCompleteError(error);
      }
    } finally {
      setCompleting(false);
    }
  };

  const cases = aktualisering.data?.cases ?? [];
  const outcome = draft.outcome;
  const refusalKind = outcome && isDecision(outcome) ? (consentsForDecision(outcome)[0] ?? "TEAM") : "TEAM";

  return (
    <Stack gap="md">
      <Group gap="lg">
        <Text>
          {texts.status}: {samtal.statusLabel}
        </Text>
        <Text>
          {texts.heldBy}: {userName(samtal.heldBy)}
        </Text>
      </Group>
      <SaveStatus autosave={autosave} incompleteDates={Object.keys(typedDateErrors).length > 0} />

      {state.conflict && (
        <ConflictView
          ref={alertRef}
          saved={draftOf(state.conflict)}
          mine={draft}
          onKeepMine={() => void autosave.keepMine()}
          onUseSaved={autosave.takeSaved}
          busy={state.saving}
        />
      )}
      {!state.conflict && state.error !== null && (
        <Alert ref={alertRef} tabIndex={-1} color="red" variant="light" title={texts.saveError} role="alert">
          <Text>{errorMessage(state.error)}</Text>
          {isApiError(state.error) && state.error.code === "SAMTAL_COMPLETED" && (
            <Button
              variant="outline"
              size="sm"
              mt="sm"
              onClick={() => void queryClient.invalidateQueries({ queryKey: keys.samtal(samtal.id) })}
            >
              {texts.completedElsewhere}
            </Button>
          )}
        </Alert>
      )}
      {completeError !== null &&
        (isConsentRefusal(completeError) ? (
          <ConsentRefusalAlert
            ref={alertRef}
            message={completeError.message}
            kind={refusalKind}
            onRecordConsent={null}
            link={
              can(me, "consent.record") ? (
                <Anchor
                  component={Link}
                  to={`/patienter/${patientId}?samtycke=${refusalKind}`}
                  display="block"
                  mt="sm"
                >
                  {texts.consentLink}
                </Anchor>
              ) : undefined
            }
          />
        ) : (
          summary.length === 0 && (
            <ErrorAlert ref={alertRef} error={completeError} title={texts.completeError} />
          )
        ))}
      {summary.length > 0 && (
        <Alert
          ref={summaryRef}
          tabIndex={-1}
          color="red"
          variant="outline"
          role="alert"
          title={texts.summaryTitle(summary.length)}
          styles={{ title: { color: "var(--mantine-color-black)" } }}
        >
          <List fz="sm" spacing={4}>
            {summary.map(([field, message]) => (
              <List.Item key={field}>
                <Anchor
                  href={`#${fieldId(field)}`}
                  fz="sm"
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(field);
                  }}
                >
                  {fieldLabels[field]}
                </Anchor>
                {`: ${message}`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void autosave.flush();
        }}
      >
        <Stack gap="lg">
          <Paper withBorder p="lg" component="section" aria-labelledby="samtal-kartlaggning">
            <Title order={2} fz="h3" id="samtal-kartlaggning" mb="xs">
              {texts.areas}
            </Title>
            <Text fz="sm" mb="sm">
              {texts.areaHint}
            </Text>
            <Stack gap="md" maw={820}>
              <DateField
                id={fieldId("samtalDate")}
                label={fieldLabels.samtalDate}
                required
                value={draft.samtalDate}
                onChange={(value) => set("samtalDate", value)}
                error={errors.samtalDate}
              />
              {areaIds.map((area) => (
                <Textarea
                  key={area}
                  id={fieldId(area)}
                  label={fieldLabels[area]}
                  required
                  autosize
                  minRows={3}
                  value={draft[area]}
                  onChange={(e) => set(area, e.currentTarget.value)}
                  error={errors[area]}
                />
              ))}
            </Stack>
          </Paper>

          <Paper withBorder p="lg" component="section" aria-labelledby="samtal-resultat">
            <Title order={2} fz="h3" id="samtal-resultat" mb="sm">
              {texts.result}
            </Title>
            <Stack gap="md" maw={820}>
              <Radio.Group
                id={fieldId("outcome")}
                label={fieldLabels.outcome}
                description={texts.outcomeHint}
                required
                value={draft.outcome}
                onChange={(value) => set("outcome", value as SamtalOutcome)}
                error={errors.outcome}
              >
                <Stack gap="xs" mt={6}>
                  {Object.entries(samtalOutcomes).map(([value, label]) => (
                    <Radio key={value} value={value} label={label} />
                  ))}
                </Stack>
              </Radio.Group>
              <NativeSelect
                id={fieldId("caseStart")}
                label={fieldLabels.caseStart}
                description={texts.caseHint}
                required={outcome !== "" && isDecision(outcome)}
                value={draft.caseStart}
                onChange={(e) => set("caseStart", e.currentTarget.value)}
                data={[
                  { value: "", label: texts.noCase },
                  ...cases.map((c) => ({
                    value: c.start,
                    label: texts.caseOption(c.start, c.end, c.ongoing),
                  })),
                  // A chosen case no longer computed stays visible rather than silently lost.
                  ...(draft.caseStart && !cases.some((c) => c.start === draft.caseStart)
                    ? [{ value: draft.caseStart, label: `Sjukfall med start ${draft.caseStart}` }]
                    : []),
                ]}
                error={errors.caseStart}
              />
              <Textarea
                id={fieldId("outcomeReason")}
                label={fieldLabels.outcomeReason}
                description={texts.reasonHint}
                required={outcome === "INGEN_ATGARD"}
                autosize
                minRows={2}
                value={draft.outcomeReason}
                onChange={(e) => set("outcomeReason", e.currentTarget.value)}
                error={errors.outcomeReason}
              />
              <Textarea
                id={fieldId("nextStep")}
                label={fieldLabels.nextStep}
                required
                autosize
                minRows={2}
                value={draft.nextStep}
                onChange={(e) => set("nextStep", e.currentTarget.value)}
                error={errors.nextStep}
              />
              <DateField
                id={fieldId("nextStepDate")}
                label={fieldLabels.nextStepDate}
                required
                value={draft.nextStepDate}
                onChange={(value) => set("nextStepDate", value)}
                error={errors.nextStepDate}
              />
            </Stack>
          </Paper>
          <Group>
            <Button type="submit" variant="outline" loading={state.saving && !completing}>
              {texts.save}
            </Button>
            <Button onClick={() => void complete()} loading={completing} disabled={state.conflict !== null}>
              {texts.complete}
            </Button>
            <Text fz="sm">{texts.completeHint}</Text>
          </Group>
          <Modal opened={confirming} onClose={() => setConfirming(false)} title={texts.confirmTitle} centered>
            <Text mb="md">{texts.confirmBody}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {texts.cancel}
              </Button>
              <Button onClick={() => void finish()} data-autofocus>
                {texts.confirm}
              </Button>
            </Group>
          </Modal>
        </Stack>
      </form>
    </Stack>
  );
}

function fieldId(field: SamtalField): string {
  return `samtal-${field}`;
}

function focusField(field: SamtalField) {
  const element = document.getElementById(fieldId(field));
  if (!element) return;
  const target = element.matches("input, textarea, select")
    ? element
    : element.querySelector<HTMLElement>("input, textarea, select");
  element.scrollIntoView({ block: "center" });
  (target ?? element).focus();
}

function SaveStatus({
  autosave,
  incompleteDates,
}: {
  autosave: ReturnType<typeof useSamtalAutosave>;
  incompleteDates: boolean;
}) {
  const { state, unsaved } = autosave;
  const text = state.saving
    ? texts.saving
    : state.conflict || state.error
      ? texts.notSaved
      : unsaved
        ? texts.unsaved
        : incompleteDates
          ? texts.incompleteDates
          : state.savedAt
            ? texts.savedAt(state.savedAt)
            : texts.allSaved;
  return (
    <Text role="status" fz="sm" data-testid="samtal-sparstatus">
      {text}
    </Text>
  );
}

function ConflictView(props: {
  saved: SamtalDraft;
  mine: SamtalDraft;
  onKeepMine: () => void;
  onUseSaved: () => void;
  busy: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <ConflictComparison
      title={texts.conflictTitle}
      body={texts.conflictBody}
      fieldHeader={texts.field}
      rows={differences(props.saved, props.mine)}
      noDifferences={texts.same}
      onKeepMine={props.onKeepMine}
      onUseSaved={props.onUseSaved}
      busy={props.busy}
      {...(props.ref ? { ref: props.ref } : {})}
    />
  );
}
