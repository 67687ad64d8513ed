/**
 * Incidentutredning: the timeline of one patient or one user on the unit over a period, for a
 * breach report (GDPR art. 33) — shown as a table and downloadable as CSV or JSON. Every view and
 * download is logged by the server.
 */
import { Anchor, Button, Group, NativeSelect, Radio, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { timelineUrl, useIncidentTimeline, type TimelineRequest } from "../api/audit.ts";
import { useUsers } from "../api/org.ts";
import { usePatientSearch } from "../api/patients.ts";
import type { TimelineEvent } from "../api/types.ts";
import { can, useSession } from "../app/session.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { PageTitle } from "../components/PageTitle.tsx";

const texts = {
  title: "Incidentutredning",
  intro:
    "Visa vem som har läst eller ändrat vad – för en patient eller en användare på enheten under en period. Underlag för en anmälan av personuppgiftsincident (inom 72 timmar). Varje visning och nedladdning loggas.",
  subject: "Utred",
  patient: "En patient",
  user: "En användare",
  search: "Sök patient (personnummer eller namn)",
  choosePatient: "Patient",
  chooseUser: "Användare",
  choose: "Välj …",
  from: "Från och med",
  to: "Till och med",
  show: "Visa tidslinje",
  csv: "Ladda ner CSV",
  json: "Ladda ner JSON",
  missing: "Välj vem som ska utredas och en period.",
  caption: "Händelser, äldst först",
  count: (n: number) => `${n} händelser.`,
  truncated: "Fler händelser finns än som visas: välj en kortare period.",
  at: "Tidpunkt",
  who: "Användare",
  role: "Roll",
  patientCol: "Patient",
  action: "Händelse",
  purpose: "Ändamål",
};

export function IncidentPage() {
  const me = useSession();
  const mayListUsers = can(me, "unit.users", "region.users");
  const [kind, setKind] = useState<"patient" | "user">("patient");
  const [term, setTerm] = useState("");
  const [patientId, setPatientId] = useState("");
  const [userId, setUserId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [missing, setMissing] = useState(false);
  const [asked, setAsked] = useState<TimelineRequest | null>(null);
  const patients = usePatientSearch(kind === "patient" ? term : "");
  const users = useUsers(mayListUsers && kind === "user");
  const timeline = useIncidentTimeline();

  const subjectId = kind === "patient" ? patientId : userId;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = subjectId !== "" && from !== "" && to !== "";
    setMissing(!ok);
    if (!ok) return;
    const req: TimelineRequest = {
      subject: kind === "patient" ? { patientId } : { userId },
      from,
      to,
    };
    setAsked(req);
    timeline.mutate(req);
  };

  return (
    <Stack gap="md">
      <PageTitle title={texts.title} />
      <Text>{texts.intro}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={560}>
          {mayListUsers && (
            <Radio.Group
              label={texts.subject}
              value={kind}
              onChange={(v) => setKind(v as "patient" | "user")}
            >
              <Group mt="xs">
                <Radio value="patient" label={texts.patient} />
                <Radio value="user" label={texts.user} />
              </Group>
            </Radio.Group>
          )}
          {kind === "patient" ? (
            <>
              <TextInput
                label={texts.search}
                value={term}
                onChange={(e) => setTerm(e.currentTarget.value)}
                autoComplete="off"
                type="search"
              />
              <NativeSelect
                label={texts.choosePatient}
                value={patientId}
                onChange={(e) => setPatientId(e.currentTarget.value)}
                data={[
                  { value: "", label: texts.choose },
                  ...(patients.data?.patients ?? []).map((p) => ({
                    value: p.id,
                    label: `${p.personnummer} ${p.name}`,
                  })),
                ]}
              />
            </>
          ) : (
            <NativeSelect
              label={texts.chooseUser}
              value={userId}
              onChange={(e) => setUserId(e.currentTarget.value)}
              data={[
                { value: "", label: texts.choose },
                ...(users.data ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.displayName} (${u.username})`,
                })),
              ]}
            />
          )}
          <Group grow>
            <TextInput
              label={texts.from}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              label={texts.to}
              type="date"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
            />
          </Group>
          {missing && (
            <Text c="red.9" role="alert">
              {texts.missing}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={timeline.isPending}>
              {texts.show}
            </Button>
          </Group>
        </Stack>
      </form>
      {timeline.isError && <ErrorAlert error={timeline.error} />}
      {timeline.data && asked && (
        <Stack gap="xs">
          <Group>
            <Text role="status">{texts.count(timeline.data.events.length)}</Text>
            <Anchor href={timelineUrl(asked, "csv")} download>
              {texts.csv}
            </Anchor>
            <Anchor href={timelineUrl(asked, "json")} download>
              {texts.json}
            </Anchor>
          </Group>
          {timeline.data.truncated && <Text fw={600}>{texts.truncated}</Text>}
          {timeline.data.events.length > 0 && <EventsTable events={timeline.data.events} />}
        </Stack>
      )}
    </Stack>
  );
}

function EventsTable(props: { events: TimelineEvent[] }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped withTableBorder>
        <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {[texts.at, texts.who, texts.role, texts.patientCol, texts.action, texts.purpose].map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.events.map((e) => (
            <Table.Tr key={e.seq}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {new Date(e.at).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" })}
              </Table.Td>
              <Table.Td>{e.user}</Table.Td>
              <Table.Td>{e.role ?? "–"}</Table.Td>
              <Table.Td>{e.personnummer ? `${e.personnummer} ${e.patientName ?? ""}` : "–"}</Table.Td>
              <Table.Td>{e.actionLabel}</Table.Td>
              <Table.Td>{e.purpose}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
