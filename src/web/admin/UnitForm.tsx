/** Create a unit, or change one (with the version seen; a stale save shows what is saved now). */
import { Checkbox, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useEffect, useState, type ChangeEvent, type FormEvent } from "react";
import { isApiError } from "../api/client.ts";
import { useCreateUnit, useUpdateUnit } from "../api/org.ts";
import type { Unit } from "../api/types.ts";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";

const texts = {
  id: "Enhetens id",
  idHint: "Kort kod, A–Z, 0–9 och bindestreck, till exempel HC-NORR. Kan inte ändras senare.",
  name: "Namn",
  postalAddress: "Postadress",
  postalCode: "Postnummer",
  town: "Postort",
  phone: "Telefon",
  hsaId: "HSA-id (frivilligt)",
  active: "Aktiv",
  save: "Spara",
  errorTitle: "Vårdenheten kunde inte sparas",
  conflictTitle: "Någon annan har ändrat uppgifterna",
};

const fields = ["id", "name", "postalAddress", "postalCode", "town", "phone", "hsaId"] as const;
type Field = (typeof fields)[number];
type Draft = Record<Field, string> & { active: boolean };

function draftOf(unit: Unit | null): Draft {
  return {
    id: unit?.id ?? "",
    name: unit?.name ?? "",
    postalAddress: unit?.postalAddress ?? "",
    postalCode: unit?.postalCode ?? "",
    town: unit?.town ?? "",
    phone: unit?.phone ?? "",
    hsaId: unit?.hsaId ?? "",
    active: unit?.active ?? true,
  };
}

export function UnitForm({ unit, onDone }: { unit: Unit | null; onDone: () => void }) {
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = unit ? update : create;
  const [draft, setDraft] = useState(() => draftOf(unit));
  const [version, setVersion] = useState(unit?.version ?? 1);
  const errors = fieldErrors(mutation.error, fields);

  useEffect(() => {
    // A stale save: the form now shows what is saved, and the user makes the change again on it.
    if (isApiError(update.error, 409)) {
      const current = update.error.current as Unit;
      setDraft(draftOf(current));
      setVersion(current.version);
    }
  }, [update.error]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      name: draft.name.trim(),
      postalAddress: draft.postalAddress.trim(),
      postalCode: draft.postalCode.trim(),
      town: draft.town.trim(),
      phone: draft.phone.trim(),
      hsaId: draft.hsaId.trim() || null,
    };
    if (unit) {
      update.mutate(
        { id: unit.id, changes: { ...common, version, active: draft.active } },
        { onSuccess: onDone },
      );
    } else {
      create.mutate({ ...common, id: draft.id.trim().toUpperCase() }, { onSuccess: onDone });
    }
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
        <FormErrorAlert
          error={mutation.error}
          fieldErrors={errors}
          title={isApiError(mutation.error, 409) ? texts.conflictTitle : texts.errorTitle}
        />
        {!unit && <TextInput label={texts.id} description={texts.idHint} required {...input("id")} />}
        <TextInput label={texts.name} required {...input("name")} />
        <TextInput label={texts.postalAddress} required {...input("postalAddress")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={texts.postalCode} required {...input("postalCode")} />
          <TextInput label={texts.town} required {...input("town")} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={texts.phone} required type="tel" {...input("phone")} />
          <TextInput label={texts.hsaId} {...input("hsaId")} />
        </SimpleGrid>
        {unit && (
          <Checkbox
            label={texts.active}
            checked={draft.active}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setDraft((current) => ({ ...current, active: checked }));
            }}
          />
        )}
        <FormActions submit={texts.save} pending={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
