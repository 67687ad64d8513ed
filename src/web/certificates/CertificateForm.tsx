/**
 * The FK 7804 questions, grouped and numbered as Försäkringskassan's form. Every input has a
 * label; errors sit next to their question (and link from the summary via `anchorId`).
 */
import { Checkbox, Group, Paper, Radio, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { parseContent } from "../../certificates/content.ts";
import {
  checkboxLabels,
  grundLabels,
  grundTypes,
  hiddenQuestions,
  prognosLabels,
  prognosTypes,
  sysselsattningLabels,
  sysselsattningTypes,
  type CertificateDraft,
} from "../../certificates/rules/index.ts";
import { labelWithId } from "./describe.ts";
import { DiagnosisRow } from "./DiagnosisRow.tsx";
import { anchorId, FieldGroup } from "./fields.tsx";
import { gradeOrder, type FormDraft } from "./formDraft.ts";

const texts = {
  sections: {
    smitta: "Smittbärarpenning",
    grund: "Grund för medicinskt underlag",
    sysselsattning: "Sysselsättning",
    diagnos: "Diagnos",
    konsekvenser: "Sjukdomens konsekvenser för patienten",
    behandling: "Medicinska behandlingar och åtgärder",
    bedomning: "Bedömning",
    prognos: "Prognos",
    atgarder: "Åtgärder",
    ovrigt: "Övriga upplysningar",
    kontakt: "Kontakt",
    enhet: "Vårdenhetens kontaktuppgifter",
  },
  smittaHint:
    "Smittbärarpenning: bara diagnos, nedsättning av arbetsförmågan och övriga upplysningar fylls i; de andra frågorna döljs och deras svar tas bort.",
  date: "Datum",
  dateFor: (what: string) => `Datum, ${what.toLowerCase()}`,
  datePlaceholder: "ÅÅÅÅ-MM-DD",
  diagnosHint:
    "Huvuddiagnosen först. Kod enligt ICD-10-SE; psykiatriska diagnoser (F) och Z73 med minst fyra positioner.",
  dfa: "Beskriv kedjan diagnos – funktionsnedsättning – aktivitetsbegränsning: utgå från vad du har observerat och koppla det till konkreta aktiviteter som patienten inte kan utföra.",
  funktionHint:
    "Beskriv undersökningsfynd, testresultat och observationer: vad du själv har sett, hört eller mätt, och hur (t.ex. status, tester, skattningsskalor, uppgifter från andra yrkesgrupper).",
  aktivitetHint:
    "Beskriv konkreta aktiviteter som patienten inte kan utföra på grund av funktionsnedsättningen, hur ofta och hur svår begränsningen är (lätt, måttlig, stor, total) och hur den har observerats.",
  grade: (grade: number) => `${grade} procent`,
  from: "Från och med",
  tom: "Till och med",
  periodHint:
    "Arbetsförmågan ska vara nedsatt med minst en fjärdedel. Varje grad får anges en gång och perioderna får inte överlappa.",
  arbetstidHint:
    "Utgå från den arbetstidsförläggning som du diskuterat med patienten. Att förläggningen försämrar möjligheterna till återgång kan till exempel vara att hälsotillståndet påverkas negativt.",
  transportHint:
    "Om patienten kan arbeta men inte kan ta sig till arbetet som vanligt kan Försäkringskassan ersätta kostnader för arbetsresor i stället för sjukpenning.",
  kontaktHint:
    "Försäkringskassans handläggare tar kontakt med dig när underlagen har kommit in och handläggningen kan påbörjas.",
  yes: "Ja",
  no: "Nej",
  enhetMissing: "Vårdenhetens kontaktuppgifter saknas.",
  required: "Obligatoriska uppgifter är markerade med *.",
};

export interface FormProps {
  draft: FormDraft;
  content: CertificateDraft;
  update: (change: (current: FormDraft) => FormDraft) => void;
  /** The error shown at the question now (touched, or after an attempt to sign). */
  errorOf: (field: string) => string | undefined;
  touch: (field: string) => void;
  showFmbMotivation: boolean;
  fmbPanel: ReactNode;
  warningsOf: (field: string) => string[];
  /** "Hämta från underlag" beside questions 35 and 17. */
  underlagPanel?: ReactNode;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`avsnitt-${id}`}>
      <Title order={2} fz="h3" id={`avsnitt-${id}`} mb="sm">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

export function CertificateForm(props: FormProps) {
  const { draft, update, errorOf, touch, showFmbMotivation, fmbPanel, warningsOf, content } = props;
  const required = !draft.smittbararpenning;
  // The questions the answers hide (FK 7804 v2), from the same rule the server applies.
  const hidden = hiddenQuestions(parseContent(content));
  const shown = (field: string) => !hidden.has(field);

  const text = (
    field: string,
    key:
      | "grundAnnat"
      | "yrke"
      | "funktionsnedsattning"
      | "aktivitetsbegransning"
      | "behandling"
      | "fmbMotivering"
      | "arbetstidsforlaggningMotivering"
      | "prognosMotivering"
      | "atgarder"
      | "ovrigt"
      | "kontaktFkAnledning",
    options: { required?: boolean; description?: ReactNode; single?: boolean } = {},
  ) => {
    const common = {
      id: anchorId(field),
      label: labelWithId(field),
      description: options.description,
      withAsterisk: options.required,
      value: draft[key],
      error: errorOf(field),
      onBlur: () => touch(field),
      onChange: (event: { currentTarget: { value: string } }) => {
        const value = event.currentTarget.value;
        update((current) => ({ ...current, [key]: value }));
      },
    };
    return options.single ? (
      <TextInput {...common} maxLength={field === "1.3" ? undefined : 4000} />
    ) : (
      <Textarea {...common} autosize minRows={3} maxRows={14} />
    );
  };

  const yesNo = (field: string, value: boolean | null, set: (value: boolean) => void, legend: string) => (
    <FieldGroup field={field} legend={legend} error={errorOf(field)} required={required}>
      <Group gap="lg">
        {[true, false].map((option) => (
          <Radio
            key={String(option)}
            name={`radio-${field}`}
            label={option ? texts.yes : texts.no}
            checked={value === option}
            onChange={() => set(option)}
            onBlur={() => touch(field)}
          />
        ))}
      </Group>
    </FieldGroup>
  );

  const enhet = content.enhet;

  return (
    <Stack gap="lg">
      <Text fz="sm">{texts.required}</Text>
      <Section id="smitta" title={texts.sections.smitta}>
        <Checkbox
          id={anchorId("27")}
          label={`${checkboxLabels["27"]} (27)`}
          description={texts.smittaHint}
          checked={draft.smittbararpenning}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            update((current) => ({ ...current, smittbararpenning: checked }));
          }}
          error={errorOf("27")}
        />
      </Section>

      {shown("1") && (
        <Section id="grund" title={texts.sections.grund}>
          <FieldGroup field="1" legend={labelWithId("1")} error={errorOf("1")} required={required}>
            <Stack gap="xs">
              {grundTypes.map((typ) => {
                const entry = draft.grund[typ];
                return (
                  <Group key={typ} gap="md" align="center" wrap="wrap" mih={36}>
                    <Checkbox
                      w={{ base: "100%", sm: 380 }}
                      label={grundLabels[typ]}
                      checked={entry.checked}
                      onChange={(event) => {
                        const checked = event.currentTarget.checked;
                        update((current) => ({
                          ...current,
                          grund: { ...current.grund, [typ]: { ...current.grund[typ], checked } },
                        }));
                      }}
                      onBlur={() => touch("1")}
                    />
                    {entry.checked && (
                      <TextInput
                        aria-label={texts.dateFor(grundLabels[typ])}
                        placeholder={texts.datePlaceholder}
                        w={150}
                        value={entry.datum}
                        onChange={(event) => {
                          const datum = event.currentTarget.value;
                          update((current) => ({
                            ...current,
                            grund: { ...current.grund, [typ]: { ...current.grund[typ], datum } },
                          }));
                        }}
                        onBlur={() => touch("1")}
                      />
                    )}
                  </Group>
                );
              })}
            </Stack>
          </FieldGroup>
          {shown("1.3") && text("1.3", "grundAnnat", { required: true, single: true })}
        </Section>
      )}

      {shown("28") && (
        <Section id="sysselsattning" title={texts.sections.sysselsattning}>
          <FieldGroup field="28" legend={labelWithId("28")} error={errorOf("28")} required={required}>
            <Stack gap="xs">
              {sysselsattningTypes.map((typ) => (
                <Checkbox
                  key={typ}
                  label={sysselsattningLabels[typ]}
                  checked={draft.sysselsattning[typ]}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    update((current) => ({
                      ...current,
                      sysselsattning: { ...current.sysselsattning, [typ]: checked },
                    }));
                  }}
                  onBlur={() => touch("28")}
                />
              ))}
            </Stack>
          </FieldGroup>
          {shown("29") && text("29", "yrke", { required: true })}
        </Section>
      )}

      <Section id="diagnos" title={texts.sections.diagnos}>
        <FieldGroup
          field="6"
          legend={labelWithId("6")}
          description={texts.diagnosHint}
          error={errorOf("6")}
          required
        >
          <Stack gap="sm">
            {draft.diagnoser.map((row, index) => (
              <DiagnosisRow
                key={index}
                index={index}
                value={row}
                required={index === 0}
                update={(change) =>
                  update((current) => ({
                    ...current,
                    diagnoser: current.diagnoser.map((d, i) => (i === index ? change(d) : d)),
                  }))
                }
                onBlur={() => touch("6")}
              />
            ))}
          </Stack>
        </FieldGroup>
        {fmbPanel}
      </Section>

      {shown("35") && (
        <Section id="konsekvenser" title={texts.sections.konsekvenser}>
          <Text fz="sm">{texts.dfa}</Text>
          {text("35", "funktionsnedsattning", { required, description: texts.funktionHint })}
          {text("17", "aktivitetsbegransning", { required, description: texts.aktivitetHint })}
          {props.underlagPanel}
        </Section>
      )}

      {shown("19") && (
        <Section id="behandling" title={texts.sections.behandling}>
          {text("19", "behandling")}
        </Section>
      )}

      <Section id="bedomning" title={texts.sections.bedomning}>
        <FieldGroup
          field="32"
          legend={labelWithId("32")}
          description={texts.periodHint}
          error={errorOf("32")}
          required
        >
          <Stack gap="xs">
            {gradeOrder.map((grade) => {
              const period = draft.perioder[grade];
              const set = (changes: Partial<typeof period>) =>
                update((current) => ({
                  ...current,
                  perioder: { ...current.perioder, [grade]: { ...current.perioder[grade], ...changes } },
                }));
              return (
                <Group key={grade} gap="md" align="center" wrap="wrap" mih={36}>
                  <Checkbox
                    w={130}
                    label={texts.grade(grade)}
                    checked={period.checked}
                    onChange={(event) => set({ checked: event.currentTarget.checked })}
                    onBlur={() => touch("32")}
                  />
                  {period.checked && (
                    <>
                      <TextInput
                        aria-label={`${texts.from}, ${texts.grade(grade)}`}
                        placeholder={texts.datePlaceholder}
                        w={150}
                        value={period.from}
                        onChange={(event) => set({ from: event.currentTarget.value })}
                        onBlur={() => touch("32")}
                      />
                      <Text aria-hidden>–</Text>
                      <TextInput
                        aria-label={`${texts.tom}, ${texts.grade(grade)}`}
                        placeholder={texts.datePlaceholder}
                        w={150}
                        value={period.tom}
                        onChange={(event) => set({ tom: event.currentTarget.value })}
                        onBlur={() => touch("32")}
                      />
                    </>
                  )}
                </Group>
              );
            })}
          </Stack>
          {warningsOf("32").map((warning) => (
            <Text key={warning} fz="sm" mt="xs" fw={500}>
              {warning}
            </Text>
          ))}
        </FieldGroup>
        {showFmbMotivation && shown("37") && text("37", "fmbMotivering")}
        {shown("33") &&
          yesNo(
            "33",
            draft.arbetstidsforlaggning,
            (value) => update((current) => ({ ...current, arbetstidsforlaggning: value })),
            labelWithId("33"),
          )}
        {shown("33.2") && text("33.2", "arbetstidsforlaggningMotivering", { required: true })}
        {shown("34") && (
          <Checkbox
            id={anchorId("34")}
            label={`${checkboxLabels["34"]} (34)`}
            description={texts.transportHint}
            checked={draft.transport}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              update((current) => ({ ...current, transport: checked }));
            }}
            error={errorOf("34")}
          />
        )}
      </Section>

      {shown("39") && (
        <Section id="prognos" title={texts.sections.prognos}>
          <FieldGroup field="39" legend={labelWithId("39")} error={errorOf("39")} required={required}>
            <Stack gap="xs">
              {prognosTypes.map((typ) => (
                <Radio
                  key={typ}
                  name="radio-39"
                  label={prognosLabels[typ]}
                  checked={draft.prognosTyp === typ}
                  onChange={() => update((current) => ({ ...current, prognosTyp: typ }))}
                  onBlur={() => touch("39")}
                />
              ))}
            </Stack>
          </FieldGroup>
          {shown("39.4") && (
            <TextInput
              id={anchorId("39.4")}
              label={labelWithId("39.4")}
              withAsterisk
              inputMode="numeric"
              w={200}
              value={draft.prognosManader}
              onChange={(event) => {
                const value = event.currentTarget.value;
                update((current) => ({ ...current, prognosManader: value }));
              }}
              onBlur={() => touch("39.4")}
              error={errorOf("39.4")}
            />
          )}
          {shown("39.2") && text("39.2", "prognosMotivering", { required: true })}
        </Section>
      )}

      {shown("44") && (
        <Section id="atgarder" title={texts.sections.atgarder}>
          {text("44", "atgarder")}
        </Section>
      )}

      <Section id="ovrigt" title={texts.sections.ovrigt}>
        {text("25", "ovrigt", { description: warningsOf("25").join(" ") || undefined })}
      </Section>

      {shown("26") && (
        <Section id="kontakt" title={texts.sections.kontakt}>
          <Checkbox
            id={anchorId("26")}
            label={`${checkboxLabels["26"]} (26)`}
            description={texts.kontaktHint}
            checked={draft.kontaktFk}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              update((current) => ({ ...current, kontaktFk: checked }));
            }}
            error={errorOf("26")}
          />
          {shown("26.2") && text("26.2", "kontaktFkAnledning")}
        </Section>
      )}

      <Section id="enhet" title={texts.sections.enhet}>
        <div id={anchorId("enhet")} tabIndex={-1}>
          {enhet ? (
            <Text fz="sm" style={{ whiteSpace: "pre-line" }}>
              {[
                enhet.namn,
                enhet.postadress,
                `${enhet.postnummer ?? ""} ${enhet.postort ?? ""}`.trim(),
                enhet.telefon,
              ]
                .filter((line) => line && line.trim())
                .join("\n")}
            </Text>
          ) : (
            <Text fz="sm">{texts.enhetMissing}</Text>
          )}
          {errorOf("enhet") && (
            <Text fz="sm" c="var(--mantine-color-error)">
              {errorOf("enhet")}
            </Text>
          )}
        </div>
      </Section>
    </Stack>
  );
}
