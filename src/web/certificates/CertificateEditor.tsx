/**
 * Writing a certificate: the form with live validation (the same rules as the server), FMB
 * guidance, autosave with conflict handling, and the steps that follow (ready, sign).
 */
import { Button, Group, Stack, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { normalizeCode } from "../../certificates/rules/index.ts";
import type { Certificate, CheckIssue } from "../api/certificates.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { dateTimeLabel } from "../format.ts";
import { CertificateActions } from "./CertificateActions.tsx";
import { CertificateForm } from "./CertificateForm.tsx";
import { ConflictAlert } from "./ConflictAlert.tsx";
import { ErrorSummary, WarningSummary } from "./ErrorSummary.tsx";
import { FmbPanel } from "./FmbPanel.tsx";
import { clearHiddenAnswers, type FormDraft } from "./formDraft.ts";
import { HiddenAnswersNotice } from "./HiddenAnswersNotice.tsx";
import { useCertificateAutosave } from "./useAutosave.ts";
import { useLiveCheck } from "./useLiveCheck.ts";
import { appendText } from "../../underlag/rules.ts";
import { UnderlagPicker } from "../underlag/UnderlagPicker.tsx";

const texts = {
  saving: "Sparar …",
  pending: "Osparade ändringar",
  saved: (time: string) => `Sparat ${time}`,
  unchanged: "Inga ändringar ännu",
  saveFailed: "Utkastet kunde inte sparas",
  retry: "Försök spara igen",
  conflictPaused: "Sparandet har pausats tills du har valt version.",
};

const key = (issue: CheckIssue) => `${issue.field}\u0000${issue.message}`;

function sameIssues(a: CheckIssue[], b: CheckIssue[]): boolean {
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((item, i) => item === right[i]);
}

export function CertificateEditor({ certificate, all }: { certificate: Certificate; all: Certificate[] }) {
  const autosave = useCertificateAutosave(certificate);
  const { draft, update, state, content, serverCheck, unsaved } = autosave;
  const live = useLiveCheck(content, certificate, all);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<{ at: number; issues: CheckIssue[] | null } | null>(null);
  // Answers the last change cleared because it hid their questions, and the draft before it (undo).
  const [cleared, setCleared] = useState<{ fields: string[]; before: FormDraft } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  const clientErrors = live.result.errors;
  const settled = !unsaved && !state.saving && !state.conflict;
  // The server's verdict on the saved content is authoritative: shown when it differs.
  const serverErrors =
    refused?.issues ??
    (settled && serverCheck && !sameIssues(serverCheck.errors, clientErrors) ? serverCheck.errors : null);
  const allErrors = [
    ...clientErrors,
    ...(serverErrors ?? []).filter((s) => !clientErrors.some((c) => key(c) === key(s))),
  ];

  useEffect(() => {
    if (refused) summaryRef.current?.focus();
  }, [refused]);
  useEffect(() => {
    if (state.conflict) conflictRef.current?.focus();
  }, [state.conflict]);

  // A code typed without the list: once it is known, its ICD-10-SE title fills an empty text
  // (once per code, so the user may still clear the text).
  const filledFor = useRef<string[]>(draft.diagnoser.map((row) => normalizeCode(row.kod)));
  useEffect(() => {
    const fill = draft.diagnoser.map((row, index) => {
      const code = normalizeCode(row.kod);
      if (row.text.trim() || filledFor.current[index] === code) return null;
      return live.lookups.get(code) ?? null;
    });
    if (fill.every((entry) => entry === null)) return;
    fill.forEach((entry, index) => {
      if (entry) filledFor.current[index] = normalizeCode(draft.diagnoser[index]!.kod);
    });
    update((current) => ({
      ...current,
      diagnoser: current.diagnoser.map((row, index) => {
        const entry = fill[index];
        return entry && !row.text.trim() && normalizeCode(row.kod) === entry.code
          ? { ...row, text: entry.title }
          : row;
      }),
    }));
  }, [draft.diagnoser, live.lookups, update]);

  const errorOf = (field: string) => {
    if (!attempted && !touched.has(field)) return undefined;
    const messages = allErrors.filter((e) => e.field === field).map((e) => e.message);
    return messages.length ? [...new Set(messages)].join(" ") : undefined;
  };
  const touch = (field: string) =>
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
  const warningsOf = (field: string) =>
    live.result.warnings.filter((w) => w.field === field).map((w) => w.message);
  const limit = live.fmb.data?.limitDays ?? null;
  const showFmbMotivation =
    live.result.warnings.some((w) => w.code === "FMB_EXCEEDED") ||
    (limit !== null && live.totalDays !== null && live.totalDays > limit) ||
    draft.fmbMotivering.trim() !== "";

  const saveStatus = state.saving
    ? texts.saving
    : unsaved
      ? texts.pending
      : state.savedAt
        ? texts.saved(dateTimeLabel(state.savedAt.toISOString()).slice(11))
        : texts.unchanged;

  return (
    <Stack gap="lg">
      <Group justify="flex-end">
        <Text role="status" fz="sm" fw={500}>
          {state.conflict ? texts.conflictPaused : saveStatus}
        </Text>
      </Group>
      {state.conflict && (
        <ConflictAlert
          ref={conflictRef}
          saved={state.conflict}
          mine={content}
          busy={state.saving}
          onKeepMine={() => void autosave.keepMine()}
          onUseSaved={autosave.takeSaved}
        />
      )}
      {state.error !== null && !state.conflict && (
        <Stack gap={0}>
          <ErrorAlert error={state.error} title={texts.saveFailed} />
          <Group>
            <Button variant="outline" onClick={() => void autosave.flush()}>
              {texts.retry}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorSummary
        ref={summaryRef}
        errors={clientErrors}
        serverErrors={serverErrors}
        refused={refused !== null && allErrors.length > 0}
      />
      <WarningSummary warnings={live.result.warnings} />
      <CertificateForm
        draft={draft}
        content={content}
        update={(change) => {
          setRefused(null);
          // One change per user event: the draft of this render is the one it changes.
          const result = clearHiddenAnswers(draft, change(draft));
          setCleared(result.cleared.length > 0 ? { fields: result.cleared, before: draft } : null);
          update(() => result.draft);
        }}
        errorOf={errorOf}
        touch={touch}
        warningsOf={warningsOf}
        showFmbMotivation={showFmbMotivation}
        fmbPanel={<FmbPanel codes={live.codes} fmb={live.fmb} totalDays={live.totalDays} />}
        underlagPanel={
          <UnderlagPicker
            patientId={certificate.patientId}
            onTake={(taken) =>
              update((current) => ({
                ...current,
                funktionsnedsattning: appendText(current.funktionsnedsattning, taken.funktionsnedsattning),
                aktivitetsbegransning: appendText(current.aktivitetsbegransning, taken.aktivitetsbegransning),
              }))
            }
          />
        }
      />
      {cleared && (
        <HiddenAnswersNotice
          fields={cleared.fields}
          onUndo={() => {
            update(() => cleared.before);
            setCleared(null);
          }}
          onDismiss={() => setCleared(null)}
        />
      )}
      <CertificateActions
        certificate={certificate}
        sendWarnings={[]}
        editor={{
          flush: autosave.flush,
          version: autosave.version,
          errors: allErrors,
          onRefused: (issues) => {
            setAttempted(true);
            setRefused({ at: performance.now(), issues });
          },
        }}
      />
    </Stack>
  );
}
