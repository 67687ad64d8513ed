/** Register a patient on the active unit. */
import { Anchor, Button, Checkbox, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useCreatePatient } from "../api/patients.ts";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { PageTitle } from "../components/PageTitle.tsx";

const texts = {
  title: "Registrera ny patient",
  intro: "Patienten registreras på den vårdenhet du arbetar på.",
  personnummer: "Personnummer eller samordningsnummer",
  personnummerHint: "ÅÅÅÅMMDD-NNNN",
  givenName: "Förnamn",
  familyName: "Efternamn",
  protectedIdentity: "Skyddad identitet",
  protectedIdentityHint: "Namnet visas inte i listor och sökresultat.",
  listed: "Listad på den här vårdenheten",
  save: "Registrera",
  cancel: "Avbryt",
  errorTitle: "Patienten kunde inte registreras",
};

const fields = ["personnummer", "givenName", "familyName"] as const;

export function NewPatientPage() {
  const create = useCreatePatient();
  const navigate = useNavigate();
  const [form, setForm] = useState({
    personnummer: "",
    givenName: "",
    familyName: "",
    protectedIdentity: false,
    listed: true,
  });
  const errors = fieldErrors(create.error, fields);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...form, givenName: form.givenName.trim(), familyName: form.familyName.trim() },
      { onSuccess: (patient) => navigate(`/patienter/${patient.id}`) },
    );
  };
  const set = (field: keyof typeof form) => (event: ChangeEvent<HTMLInputElement>) => {
    const target = event.currentTarget;
    setForm((current) => ({
      ...current,
      [field]: target.type === "checkbox" ? target.checked : target.value,
    }));
  };

  return (
    <Stack gap="md" maw={520}>
      <PageTitle title={texts.title} />
      <Text>{texts.intro}</Text>
      <FormErrorAlert error={create.error} fieldErrors={errors} title={texts.errorTitle} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={texts.personnummer}
            description={texts.personnummerHint}
            required
            autoComplete="off"
            value={form.personnummer}
            onChange={set("personnummer")}
            error={errors.personnummer}
          />
          <TextInput
            label={texts.givenName}
            required
            autoComplete="off"
            value={form.givenName}
            onChange={set("givenName")}
            error={errors.givenName}
          />
          <TextInput
            label={texts.familyName}
            required
            autoComplete="off"
            value={form.familyName}
            onChange={set("familyName")}
            error={errors.familyName}
          />
          <Checkbox
            label={texts.protectedIdentity}
            description={texts.protectedIdentityHint}
            checked={form.protectedIdentity}
            onChange={set("protectedIdentity")}
          />
          <Checkbox label={texts.listed} checked={form.listed} onChange={set("listed")} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {texts.save}
            </Button>
            <Anchor component={Link} to="/patienter">
              {texts.cancel}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
