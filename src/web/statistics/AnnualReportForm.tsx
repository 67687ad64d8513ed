/**
 * The chief's texts of the annual report: three fields saved together with a button (each save a
 * new version). When someone else saved meanwhile (409) the form shows what is saved now beside
 * what the user wrote, and the user chooses; their text stays in the form until then.
 */
import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { useRef, useState, type FormEvent } from "react";
import { useSaveReportTexts, type ReportTexts } from "../api/annual-report.ts";
import { isApiError } from "../api/client.ts";
import { ConflictComparison } from "../components/ConflictComparison.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";

type Field = "summary" | "equality" | "actions";
type Draft = Record<Field, string>;

export const reportFieldLabels: Record<Field, string> = {
  summary: "Sammanfattning",
  equality: "Analys av skillnader mellan kvinnor och män",
  actions: "Åtgärder och plan framåt",
};

const texts = {
  privacy: "Skriv inga patientuppgifter: texterna kommer med i rapporten och gäller enhetens siffror.",
  save: "Spara texterna",
  saved: (version: number) => `Texterna är sparade (version ${version}).`,
  unsaved: "Ändringar som inte är sparade.",
  conflictTitle: "Någon annan har sparat texterna under tiden",
  conflictBody: "Jämför det som är sparat nu med det du har skrivit och välj hur du vill gå vidare.",
  field: "Text",
  noDifferences: "Texterna är likadana.",
};

const fields = Object.keys(reportFieldLabels) as Field[];
const draftOf = (t: ReportTexts): Draft => ({ summary: t.summary, equality: t.equality, actions: t.actions });

export function AnnualReportForm({ period, texts: loaded }: { period: string; texts: ReportTexts }) {
  const save = useSaveReportTexts(period);
  const [base, setBase] = useState(loaded);
  const [draft, setDraft] = useState<Draft>(draftOf(loaded));
  const [status, setStatus] = useState("");
  const conflictRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const conflict = isApiError(save.error, 409) ? base : null;
  const dirty = fields.some((field) => draft[field] !== base[field]);

  const submit = (version: number) => {
    setStatus("");
    save.mutate(
      { version, ...draft },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setStatus(texts.saved(saved.version));
        },
        onError: (error) => {
          if (isApiError(error, 409) && error.current) {
            setBase(error.current as ReportTexts);
            requestAnimationFrame(() => conflictRef.current?.focus());
          } else requestAnimationFrame(() => errorRef.current?.focus());
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(base.version);
  };

  return (
    <Stack gap="sm" component="form" onSubmit={onSubmit} maw={760}>
      <Text fz="sm">{texts.privacy}</Text>
      {fields.map((field) => (
        <Textarea
          key={field}
          label={reportFieldLabels[field]}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={10_000}
          value={draft[field]}
          error={isApiError(save.error, 400) ? save.error.issueFor(field) : undefined}
          onChange={(event) => setDraft({ ...draft, [field]: event.currentTarget.value })}
        />
      ))}
      {conflict && (
        <ConflictComparison
          ref={conflictRef}
          title={texts.conflictTitle}
          body={texts.conflictBody}
          fieldHeader={texts.field}
          noDifferences={texts.noDifferences}
          rows={fields
            .filter((field) => conflict[field] !== draft[field])
            .map((field) => ({
              field,
              label: reportFieldLabels[field],
              saved: conflict[field],
              mine: draft[field],
            }))}
          onKeepMine={() => submit(conflict.version)}
          onUseSaved={() => {
            setDraft(draftOf(conflict));
            save.reset();
          }}
          busy={save.isPending}
        />
      )}
      {save.isError && !conflict && <ErrorAlert ref={errorRef} error={save.error} />}
      <Group>
        {!conflict && (
          <Button type="submit" loading={save.isPending}>
            {texts.save}
          </Button>
        )}
        <Text role="status" aria-live="polite" fz="sm">
          {dirty ? texts.unsaved : status}
        </Text>
      </Group>
    </Stack>
  );
}
