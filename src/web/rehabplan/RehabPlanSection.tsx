/**
 * "Rehabplan" on the patient page (PRODUCT §2, §5.6): the plan of the patient's current sjukfall
 * (and earlier ones), written, fastställd with the patient, revised and ended here; its versions;
 * and the patient's documents with the record of what was handed out. Shown with rehabplan.read;
 * each action asks for its own capability.
 */
import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { useClosePlan, useCreatePlan, usePlans, type RehabPlan, type RehabPlans } from "../api/rehabplan.ts";
import { can, useSession } from "../app/session.tsx";
import { useToday } from "../app/useToday.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { userName } from "../coordination/parts.tsx";
import { EstablishForm } from "./EstablishForm.tsx";
import { PlanEditor } from "./PlanEditor.tsx";
import { PlanSummary } from "./PlanSummary.tsx";
import { VersionsPanel } from "./VersionsPanel.tsx";

const texts = {
  title: "Rehabplan",
  loading: "Hämtar rehabplanen …",
  none: "Det finns ingen rehabplan för patientens sjukfall.",
  noCase: "Patienten har inget sjukfall på enheten.",
  create: "Upprätta rehabplan",
  edit: "Redigera planen",
  establish: "Fastställ med patienten",
  close: "Avsluta planen",
  versions: "Visa versioner",
  hideVersions: "Dölj versioner",
  saved: "Planen är sparad.",
  established: "Planen är fastställd.",
  closed: "Planen är avslutad.",
  earlier: (start: string) => `Plan för sjukfallet från ${start}`,
  forPatient: "För patienten",
  printPlan: "Patientens version av planen (utskrift)",
  printBrochure: "Broschyr om sjukskrivning (utskrift)",
  handouts: "Utlämnat till patienten",
  noHandouts: "Inget registrerat ännu.",
  handedOut: (label: string, date: string, who: string) => `${label} ${date} av ${who}`,
};

type Mode = "view" | "edit" | "establish";

function PlanCard(props: {
  patientId: string;
  plan: RehabPlan;
  staff: RehabPlans["staff"];
  heading: string;
}) {
  const { patientId, plan } = props;
  const me = useSession();
  const today = useToday();
  const [mode, setMode] = useState<Mode>("view");
  const [showVersions, setShowVersions] = useState(false);
  const [status, setStatus] = useState("");
  const close = useClosePlan(patientId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mayWrite = can(me, "rehabplan.write") && plan.status !== "AVSLUTAD";
  const done = (message: string) => (saved: boolean) => {
    setMode("view");
    setStatus(saved ? message : "");
    headingRef.current?.focus();
  };
  return (
    <Stack gap="sm">
      <Title order={3} fz="h4" ref={headingRef} tabIndex={-1}>
        {props.heading}
      </Title>
      <Text role="status" fw={600}>
        {status}
      </Text>
      {close.error ? <ErrorAlert error={close.error} /> : null}
      {mode === "edit" && (
        <PlanEditor patientId={patientId} plan={plan} staff={props.staff} onDone={done(texts.saved)} />
      )}
      {mode === "establish" && (
        <EstablishForm patientId={patientId} plan={plan} today={today} onDone={done(texts.established)} />
      )}
      {mode === "view" && <PlanSummary plan={plan} />}
      {mode === "view" && (
        <Group gap="sm">
          {mayWrite && <Button onClick={() => setMode("edit")}>{texts.edit}</Button>}
          {mayWrite && (
            <Button variant="outline" onClick={() => setMode("establish")}>
              {texts.establish}
            </Button>
          )}
          {mayWrite && (
            <Button
              variant="subtle"
              loading={close.isPending}
              onClick={() => close.mutate(plan, { onSuccess: () => done(texts.closed)(true) })}
            >
              {texts.close}
            </Button>
          )}
          <Button variant="outline" aria-expanded={showVersions} onClick={() => setShowVersions((v) => !v)}>
            {showVersions ? texts.hideVersions : texts.versions}
          </Button>
        </Group>
      )}
      {showVersions && <VersionsPanel patientId={patientId} planId={plan.id} />}
    </Stack>
  );
}

export function RehabPlanSection({ patientId }: { patientId: string }) {
  const me = useSession();
  const plans = usePlans(patientId);
  const create = useCreatePlan(patientId);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rehabplan">
      <Title order={2} id="rehabplan" fz="h3" mb="sm">
        {texts.title}
      </Title>
      {plans.isPending && <Loading label={texts.loading} />}
      {plans.isError && <ErrorAlert error={plans.error} />}
      {plans.data && (
        <Stack gap="lg">
          {create.error ? <ErrorAlert error={create.error} /> : null}
          {!plans.data.plans.some((p) => p.caseStart === plans.data.currentCaseStart) && (
            <Group>
              <Text>{plans.data.currentCaseStart ? texts.none : texts.noCase}</Text>
              {plans.data.currentCaseStart && can(me, "rehabplan.write") && (
                <Button loading={create.isPending} onClick={() => create.mutate({ caseStart: null })}>
                  {texts.create}
                </Button>
              )}
            </Group>
          )}
          {plans.data.plans.map((plan) => (
            <PlanCard
              key={plan.id}
              patientId={patientId}
              plan={plan}
              staff={plans.data.staff}
              heading={texts.earlier(plan.caseStart)}
            />
          ))}
          <PatientDocuments patientId={patientId} data={plans.data} />
        </Stack>
      )}
    </Paper>
  );
}

function PatientDocuments({ patientId, data }: { patientId: string; data: RehabPlans }) {
  const me = useSession();
  const current = data.plans[0];
  return (
    <Stack gap="xs">
      <Title order={3} fz="h4">
        {texts.forPatient}
      </Title>
      {can(me, "patientinfo.handout") && (
        <List>
          {current && (
            <List.Item>
              <Anchor component={Link} to={`/patienter/${patientId}/rehabplan/${current.id}/patientversion`}>
                {texts.printPlan}
              </Anchor>
            </List.Item>
          )}
          <List.Item>
            <Anchor component={Link} to={`/patienter/${patientId}/broschyr`}>
              {texts.printBrochure}
            </Anchor>
          </List.Item>
        </List>
      )}
      <Text fw={600}>{texts.handouts}</Text>
      {data.handouts.length === 0 && !data.plans.some((p) => p.anchoring) && <Text>{texts.noHandouts}</Text>}
      <List>
        {data.plans
          .filter((p) => p.anchoring)
          .map((p) => (
            <List.Item key={`anchor-${p.id}`}>
              {texts.handedOut(
                "Plan överenskommen med patienten",
                p.anchoring!.date,
                userName(p.anchoring!.by),
              )}
            </List.Item>
          ))}
        {data.handouts.map((h) => (
          <List.Item key={h.id}>{texts.handedOut(h.label, h.date, userName(h.by))}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
