/**
 * Överlämningar: the unit's handovers of a doctor's cases to another doctor during a long absence
 * (history kept), a form to record one, and ending one early. For `handover.manage`.
 */
import { Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { checkEndEarly, checkHandover, suggestedLastDay } from "../../handover/rules.ts";
import { useCreateHandover, useEndHandover, useHandovers, type Handover } from "../api/handover.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";
import { fieldErrors } from "../components/fieldErrors.ts";
import { Loading } from "../components/Loading.tsx";
import { dateTimeLabel } from "../format.ts";

const texts = {
  heading: "Överlämningar",
  createFailed: "Överlämningen kunde inte registreras",
  endFailed: "Överlämningen kunde inte avslutas",
  intro:
    "När en läkare är borta en längre tid följer en annan läkare upp hens pågående sjukfall. Under perioden ser " +
    "den mottagande läkaren sjukfallen i sin lista och genomgång och får de nya uppgifterna.",
  loading: "Hämtar överlämningarna …",
  empty: "Inga överlämningar registrerade.",
  caption: "Enhetens överlämningar",
  from: "Lämnar över",
  to: "Tar emot",
  period: "Period",
  state: "Status",
  reason: "Anledning",
  recorded: "Registrerad",
  actions: "Åtgärd",
  endedEarly: (h: Handover) =>
    `Avslutad i förtid ${h.endedAt ? dateTimeLabel(h.endedAt) : ""} av ${h.endedBy ?? ""}`,
  plannedEnd: (d: string) => `(planerat till ${d})`,
  end: "Avsluta i förtid",
  forHandover: (h: Handover) => ` – ${h.fromDoctor.name} till ${h.toDoctor.name}`,
  newHeading: "Ny överlämning",
  choose: "Välj läkare",
  fromLabel: "Läkare som är frånvarande",
  toLabel: "Läkare som tar emot sjukfallen",
  startDate: "Från och med",
  endDate: "Till och med",
  dateHint: "ÅÅÅÅ-MM-DD",
  dateInvalid: "Ange datumet som ÅÅÅÅ-MM-DD.",
  reasonLabel: "Anledning (valfri)",
  create: "Registrera överlämning",
  created: (h: Handover) => `Överlämning från ${h.fromDoctor.name} till ${h.toDoctor.name} registrerad.`,
  endTitle: "Avsluta överlämningen i förtid",
  endBody: (h: Handover) => `${h.fromDoctor.name} till ${h.toDoctor.name}, ${h.startDate} – ${h.lastDay}.`,
  lastDay: "Sista dag för överlämningen",
  lastDayHint: "Dagen före startdatum återkallar en överlämning som inte har börjat.",
  confirmEnd: "Avsluta",
  cancel: "Avbryt",
  ended: (h: Handover) => `Överlämningen från ${h.fromDoctor.name} är ${h.stateLabel.toLowerCase()}.`,
};

const dateRe = /^\d{4}-\d{2}-\d{2}$/;
const formFields = ["fromDoctorId", "toDoctorId", "startDate", "endDate", "reason"] as const;
type FormField = (typeof formFields)[number];

export function HandoversSection() {
  const handovers = useHandovers();
  const [message, setMessage] = useState("");
  const [ending, setEnding] = useState<Handover | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const announce = (text: string) => {
    setMessage(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const data = handovers.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="overlamningar">
      <Title order={2} id="overlamningar">
        {texts.heading}
      </Title>
      <Text fz="sm">{texts.intro}</Text>
      <div ref={statusRef} tabIndex={-1} style={{ outline: "none" }}>
        <Text role="status" aria-live="polite" fw={500}>
          {message}
        </Text>
      </div>
      {handovers.isPending && <Loading label={texts.loading} />}
      {handovers.isError && <ErrorAlert error={handovers.error} />}
      {data && (
        <>
          {data.handovers.length === 0 ? (
            <Text>{texts.empty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped data-handover-list>
                <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{texts.from}</Table.Th>
                    <Table.Th scope="col">{texts.to}</Table.Th>
                    <Table.Th scope="col">{texts.period}</Table.Th>
                    <Table.Th scope="col">{texts.state}</Table.Th>
                    <Table.Th scope="col">{texts.reason}</Table.Th>
                    <Table.Th scope="col">{texts.recorded}</Table.Th>
                    <Table.Th scope="col">{texts.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.handovers.map((h) => (
                    <Table.Tr key={h.id} data-handover={h.id} data-state={h.state}>
                      <Table.Td>{h.fromDoctor.name}</Table.Td>
                      <Table.Td>{h.toDoctor.name}</Table.Td>
                      <Table.Td>
                        <Text fz="sm">
                          {h.startDate} – {h.lastDay}
                        </Text>
                        {h.endedOn && <Text fz="xs">{texts.plannedEnd(h.endDate)}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{h.stateLabel}</Text>
                        {h.endedOn && <Text fz="xs">{texts.endedEarly(h)}</Text>}
                      </Table.Td>
                      <Table.Td>{h.reason || "–"}</Table.Td>
                      <Table.Td>
                        <Text fz="xs">
                          {dateTimeLabel(h.recordedAt)} {h.recordedBy ?? ""}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {(h.state === "ACTIVE" || h.state === "PLANNED") && (
                          <Button size="xs" variant="default" onClick={() => setEnding(h)}>
                            {texts.end}
                            <span className="visually-hidden">{texts.forHandover(h)}</span>
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <NewHandoverForm
            doctors={data.doctors}
            handovers={data.handovers}
            today={data.today}
            onCreated={(h) => announce(texts.created(h))}
          />
          <EndDialog
            key={ending?.id ?? "stangd"}
            handover={ending}
            today={data.today}
            onClose={() => setEnding(null)}
            onEnded={(h) => {
              setEnding(null);
              announce(texts.ended(h));
            }}
          />
        </>
      )}
    </Stack>
  );
}

function NewHandoverForm({
  doctors,
  handovers,
  today,
  onCreated,
}: {
  doctors: { id: string; name: string }[];
  handovers: Handover[];
  today: string;
  onCreated: (h: Handover) => void;
}) {
  const empty = { fromDoctorId: "", toDoctorId: "", startDate: today, endDate: "", reason: "" };
  const [form, setForm] = useState(empty);
  const [problems, setProblems] = useState<Partial<Record<FormField, string>>>({});
  const create = useCreateHandover();
  const serverErrors = fieldErrors(create.error, formFields);
  const set = (field: FormField) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setProblems({});
  };
  const options = [
    { value: "", label: texts.choose },
    ...doctors.map((d) => ({ value: d.id, label: d.name })),
  ];
  const error = (field: FormField) => problems[field] ?? serverErrors[field];
  const hasProblems = Object.keys(problems).length > 0;

  return (
    <form
      noValidate
      aria-labelledby="ny-overlamning"
      onSubmit={(e) => {
        e.preventDefault();
        const found: Partial<Record<FormField, string>> = {};
        if (!dateRe.test(form.startDate)) found.startDate = texts.dateInvalid;
        if (!dateRe.test(form.endDate)) found.endDate = texts.dateInvalid;
        if (Object.keys(found).length === 0) {
          const periods = handovers.map((h) => ({
            ...h,
            fromDoctorId: h.fromDoctor.id,
            toDoctorId: h.toDoctor.id,
          }));
          for (const p of checkHandover(form, periods, new Set(doctors.map((d) => d.id)), today)) {
            found[p.path as FormField] ??= p.message;
          }
        }
        if (Object.keys(found).length > 0) return setProblems(found);
        create.mutate(
          { ...form, reason: form.reason.trim() },
          {
            onSuccess: (h) => {
              setForm(empty);
              onCreated(h);
            },
          },
        );
      }}
    >
      <Stack gap="sm" mt="md">
        <FormErrorAlert
          error={hasProblems ? null : create.error}
          fieldErrors={{ ...serverErrors, ...problems }}
          title={texts.createFailed}
          attempt={problems}
        />
        <Title order={3} id="ny-overlamning">
          {texts.newHeading}
        </Title>
        <Group align="flex-start">
          <NativeSelect
            label={texts.fromLabel}
            withAsterisk
            data={options}
            value={form.fromDoctorId}
            onChange={(e) => set("fromDoctorId")(e.currentTarget.value)}
            error={error("fromDoctorId")}
            miw={240}
          />
          <NativeSelect
            label={texts.toLabel}
            withAsterisk
            data={options}
            value={form.toDoctorId}
            onChange={(e) => set("toDoctorId")(e.currentTarget.value)}
            error={error("toDoctorId")}
            miw={240}
          />
        </Group>
        <Group align="flex-start">
          <TextInput
            type="date"
            label={texts.startDate}
            description={texts.dateHint}
            withAsterisk
            value={form.startDate}
            onChange={(e) => set("startDate")(e.currentTarget.value)}
            error={error("startDate")}
          />
          <TextInput
            type="date"
            label={texts.endDate}
            description={texts.dateHint}
            withAsterisk
            min={form.startDate || today}
            value={form.endDate}
            onChange={(e) => set("endDate")(e.currentTarget.value)}
            error={error("endDate")}
          />
        </Group>
        <TextInput
          label={texts.reasonLabel}
          maxLength={500}
          value={form.reason}
          onChange={(e) => set("reason")(e.currentTarget.value)}
          error={error("reason")}
          maw={520}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {texts.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndDialog({
  handover,
  today,
  onClose,
  onEnded,
}: {
  handover: Handover | null;
  today: string;
  onClose: () => void;
  onEnded: (h: Handover) => void;
}) {
  const [lastDay, setLastDay] = useState(handover ? suggestedLastDay(handover, today) : "");
  const [problem, setProblem] = useState<string | null>(null);
  const end = useEndHandover();
  const serverError = fieldErrors(end.error, ["lastDay"]).lastDay;
  return (
    <Modal opened={handover !== null} onClose={onClose} title={texts.endTitle} size="lg">
      {handover && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!dateRe.test(lastDay)) return setProblem(texts.dateInvalid);
            const found = checkEndEarly(handover, lastDay, today);
            if (found.length > 0) return setProblem(found[0]!.message);
            end.mutate({ handover, lastDay }, { onSuccess: onEnded });
          }}
        >
          <Stack gap="md">
            <FormErrorAlert
              error={problem ? null : end.error}
              fieldErrors={{ lastDay: problem ?? serverError }}
              title={texts.endFailed}
              attempt={problem}
            />
            <Text>{texts.endBody(handover)}</Text>
            <TextInput
              type="date"
              label={texts.lastDay}
              description={texts.lastDayHint}
              withAsterisk
              data-autofocus
              value={lastDay}
              onChange={(e) => {
                setLastDay(e.currentTarget.value);
                setProblem(null);
              }}
              error={problem ?? serverError}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {texts.cancel}
              </Button>
              <Button type="submit" loading={end.isPending}>
                {texts.confirmEnd}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
