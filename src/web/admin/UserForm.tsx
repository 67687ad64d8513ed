/** Create a user: user name, name, title, HSA-id, and (demo mode only) a password. */
import { PasswordInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useAuthConfig } from "../api/auth.ts";
import { useCreateUser } from "../api/org.ts";
import type { User } from "../api/types.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

const texts = {
  username: "Användarnamn",
  usernameHint: "a–z, 0–9, punkt, bindestreck och understreck (3–40 tecken).",
  displayName: "Namn",
  title: "Titel",
  titleHint: "Till exempel Leg. läkare eller Rehabkoordinator.",
  hsaId: "HSA-id",
  hsaIdHint: "Krävs för inloggning med SITHS.",
  password: "Lösenord",
  passwordHint: "Minst 10 tecken. Lösenord används bara i demoläge.",
  save: "Skapa användare",
  errorTitle: "Användaren kunde inte skapas",
};

const fields = ["username", "displayName", "title", "hsaId", "password"] as const;
type Field = (typeof fields)[number];

export function UserForm(props: { onCreated: (user: User) => void; onCancel: () => void }) {
  const config = useAuthConfig();
  const create = useCreateUser();
  const demo = config.data?.mode === "demo";
  const [draft, setDraft] = useState<Record<Field, string>>({
    username: "",
    displayName: "",
    title: "",
    hsaId: "",
    password: "",
  });
  const errors = fieldErrors(create.error, fields);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        username: draft.username.trim(),
        displayName: draft.displayName.trim(),
        title: draft.title.trim(),
        hsaId: draft.hsaId.trim() || null,
        ...(demo && draft.password ? { password: draft.password } : {}),
      },
      { onSuccess: props.onCreated },
    );
  };

  const input = (field: Field) => ({
    value: draft[field],
    error: errors[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setDraft((current) => ({ ...current, [field]: value }));
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormErrorAlert error={create.error} fieldErrors={errors} title={texts.errorTitle} />
        <TextInput
          label={texts.username}
          description={texts.usernameHint}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...input("username")}
        />
        <TextInput label={texts.displayName} required autoComplete="off" {...input("displayName")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={texts.title}
            description={texts.titleHint}
            autoComplete="off"
            {...input("title")}
          />
          <TextInput
            label={texts.hsaId}
            description={texts.hsaIdHint}
            autoComplete="off"
            {...input("hsaId")}
          />
        </SimpleGrid>
        {demo && (
          <PasswordInput
            label={texts.password}
            description={texts.passwordHint}
            autoComplete="new-password"
            {...input("password")}
          />
        )}
        <FormActions submit={texts.save} pending={create.isPending} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}
