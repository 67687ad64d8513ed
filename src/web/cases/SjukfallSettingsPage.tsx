/**
 * The sjukfall parameters: the user's own gap / afterEnd (empty: the unit's value applies) and,
 * for unit administrators, the unit's default.
 */
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import {
  useSaveUnitSjukfallSettings,
  useSaveUserSjukfallSettings,
  useSjukfallSettings,
  type SjukfallSettings,
} from "../api/cases.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { parseParam, type Param } from "./settingsInput.ts";

const texts = {
  title: "Inställningar för sjukfall",
  loading: "Hämtar inställningarna …",
  intro:
    "Glappet är det största antalet dagar utan intyg som fortfarande binder ihop två intyg till samma sjukfall. Dagar efter slut är hur länge ett avslutat sjukfall finns kvar i enhetens lista.",
  effective: (s: SjukfallSettings) =>
    `Gäller för dig nu: glapp ${s.effective.gap} dagar, ${s.effective.afterEnd} dagar efter slut.`,
  own: "Mina egna värden",
  ownHint: "Lämna tomt för att använda enhetens värde.",
  unit: "Enhetens standardvärden",
  unitNow: (s: SjukfallSettings) =>
    `Enhetens värden: glapp ${s.unit.gap} dagar, ${s.unit.afterEnd} dagar efter slut.`,
  gap: (min: number, max: number) => `Glapp mellan intyg (${min}–${max} dagar)`,
  afterEnd: (min: number, max: number) => `Dagar efter slut (${min}–${max})`,
  save: "Spara",
  saved: "Inställningarna är sparade.",
  errorTitle: "Inställningarna kunde inte sparas",
};

export function SjukfallSettingsPage() {
  const settings = useSjukfallSettings();
  return (
    <Stack gap="lg">
      <PageTitle title={texts.title} />
      {settings.isPending && <Loading label={texts.loading} />}
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.data && (
        <>
          <Text maw={720}>{texts.intro}</Text>
          <Text fw={600} role="status">
            {texts.effective(settings.data)}
          </Text>
          <ParamsForm settings={settings.data} scope="user" />
          {settings.data.mayEditUnit && <ParamsForm settings={settings.data} scope="unit" />}
        </>
      )}
    </Stack>
  );
}

function ParamsForm({ settings, scope }: { settings: SjukfallSettings; scope: "user" | "unit" }) {
  const saveUser = useSaveUserSjukfallSettings();
  const saveUnit = useSaveUnitSjukfallSettings();
  const save = scope === "user" ? saveUser : saveUnit;
  const start = scope === "user" ? settings.user : settings.unit;
  const [values, setValues] = useState<Record<Param, string>>({
    gap: start.gap === null ? "" : String(start.gap),
    afterEnd: start.afterEnd === null ? "" : String(start.afterEnd),
  });
  const [errors, setErrors] = useState<Partial<Record<Param, string>>>({});
  const server = fieldErrors(save.error, ["gap", "afterEnd"] as const);
  const headingId = `installningar-${scope}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const optional = scope === "user";
    const gap = parseParam("gap", values.gap, settings.limits.gap, optional);
    const afterEnd = parseParam("afterEnd", values.afterEnd, settings.limits.afterEnd, optional);
    const found: Partial<Record<Param, string>> = {};
    if (!gap.ok) found.gap = gap.message;
    if (!afterEnd.ok) found.afterEnd = afterEnd.message;
    setErrors(found);
    if (!gap.ok || !afterEnd.ok) return;
    if (scope === "user") saveUser.mutate({ gap: gap.value, afterEnd: afterEnd.value });
    else saveUnit.mutate({ gap: gap.value ?? 0, afterEnd: afterEnd.value ?? 0 });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId} maw={720}>
      <Title order={2} id={headingId} fz="h3" mb={4}>
        {scope === "user" ? texts.own : texts.unit}
      </Title>
      <Text mb="sm">{scope === "user" ? texts.ownHint : texts.unitNow(settings)}</Text>
      <FormErrorAlert
        error={Object.keys(errors).length > 0 ? null : save.error}
        fieldErrors={{ ...server, ...errors }}
        title={texts.errorTitle}
        attempt={errors}
      />
      {save.isSuccess && (
        <Alert color="green" variant="light" role="status" my="sm">
          {texts.saved}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={360}>
          <TextInput
            label={texts.gap(settings.limits.gap.min, settings.limits.gap.max)}
            required={scope === "unit"}
            inputMode="numeric"
            value={values.gap}
            onChange={(e) => setValues({ ...values, gap: e.currentTarget.value })}
            error={errors.gap ?? server.gap}
          />
          <TextInput
            label={texts.afterEnd(settings.limits.afterEnd.min, settings.limits.afterEnd.max)}
            required={scope === "unit"}
            inputMode="numeric"
            value={values.afterEnd}
            onChange={(e) => setValues({ ...values, afterEnd: e.currentTarget.value })}
            error={errors.afterEnd ?? server.afterEnd}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {texts.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
