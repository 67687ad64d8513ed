/** Give a user a role on a unit (a medarbetaruppdrag). */
import { Alert, NativeSelect, Stack } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useCreateAssignment, usePolicy, useUnits } from "../api/org.ts";
import type { Me, Policy, User } from "../api/types.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FormActions } from "../components/FormActions.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { Loading } from "../components/Loading.tsx";
import { engagementIds, engagements, type Engagement } from "../../introduction/rules.ts";

const texts = {
  unit: "Vårdenhet",
  role: "Roll",
  engagement: "Anställningsform",
  engagementHint: "Vikarier och hyrläkare får en checklista för första dagen (lathund, rutiner, kontakter).",
  ordinary: "Ordinarie",
  chooseRole: "Välj roll",
  missingRole: "Välj en roll.",
  save: "Lägg till uppdrag",
  errorTitle: "Uppdraget kunde inte läggas till",
  loading: "Hämtar enheter och roller …",
};

export function AssignmentForm(props: {
  user: User;
  note?: string | undefined;
  onAssigned: () => void;
  onCancel: () => void;
}) {
  const me = useSession();
  const units = useUnits();
  const policy = usePolicy();
  const create = useCreateAssignment();
  const [unitId, setUnitId] = useState(me.unit?.id ?? "");
  const [role, setRole] = useState("");
  const [engagement, setEngagement] = useState<Engagement | "">("");
  const [missingRole, setMissingRole] = useState(false);
  const errors = fieldErrors(create.error, ["unitId", "role"] as const);

  if (units.isPending || policy.isPending) return <Loading label={texts.loading} />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  if (policy.isError) return <ErrorAlert error={policy.error} />;

  // A unit administrator assigns roles on the active unit only.
  const unitChoices = can(me, "region.users")
    ? units.data.filter((unit) => unit.active)
    : units.data.filter((unit) => unit.id === me.unit?.id);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissingRole(!role);
    if (!role) return;
    create.mutate(
      { userId: props.user.id, unitId, role, engagement: engagement || null },
      { onSuccess: props.onAssigned },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {props.note && (
          <Alert role="status" color="green" variant="light">
            {props.note}
          </Alert>
        )}
        <FormErrorAlert
          error={missingRole ? null : create.error}
          fieldErrors={{ ...errors, role: missingRole ? texts.missingRole : errors.role }}
          title={texts.errorTitle}
          attempt={missingRole}
        />
        <NativeSelect
          label={texts.unit}
          required
          value={unitId}
          onChange={(event) => setUnitId(event.currentTarget.value)}
          data={unitChoices.map((unit) => ({ value: unit.id, label: unit.name }))}
          error={errors.unitId}
        />
        <NativeSelect
          label={texts.role}
          required
          value={role}
          onChange={(event) => setRole(event.currentTarget.value)}
          data={[
            { value: "", label: texts.chooseRole },
            ...policy.data.roles
              .filter((r) => mayAssign(policy.data, me, r.id, unitId))
              .map((r) => ({ value: r.id, label: r.label })),
          ]}
          error={missingRole ? texts.missingRole : errors.role}
        />
        <NativeSelect
          label={texts.engagement}
          description={texts.engagementHint}
          value={engagement}
          onChange={(event) => setEngagement(event.currentTarget.value as Engagement | "")}
          data={[
            { value: "", label: texts.ordinary },
            ...engagementIds.map((id) => ({ value: id, label: engagements[id] })),
          ]}
        />
        <FormActions submit={texts.save} pending={create.isPending} onCancel={props.onCancel} />
      </Stack>
    </form>
  );
}

/** The policy's assignment rules: which roles the user may give on the unit (the server decides). */
function mayAssign(policy: Policy, me: Me, role: string, unitId: string): boolean {
  return policy.assignmentRules.some(
    (rule) =>
      can(me, rule.by) && rule.roles.includes(role) && (rule.scope === "region" || unitId === me.unit?.id),
  );
}
