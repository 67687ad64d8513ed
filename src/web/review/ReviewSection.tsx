/**
 * The review session: the chosen doctor's ongoing cases (own and handed over) whose certificate
 * ends within N days with no renewal being written; each row marked "Återbesök bokat" or
 * "Förlängning ej aktuell", with the progress in words. Marking closes the case's task.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useRef, useState } from "react";
import { Link } from "react-router";
import { DEFAULT_REVIEW_DAYS, MAX_REVIEW_DAYS, MIN_REVIEW_DAYS, progressLabel } from "../../review/rules.ts";
import { isApiError } from "../api/client.ts";
import { useMarkCase, useReview, type ReviewRow } from "../api/review.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { dateLabel } from "../format.ts";
import { MarkDialog, type MarkChoice } from "./MarkDialog.tsx";

const texts = {
  heading: "Sjukfall att gå igenom",
  intro:
    "Pågående sjukfall där intyget slutar inom valt antal dagar och ingen förlängning håller på att skrivas. " +
    "Markera varje rad. En markering avslutar sjukfallets uppgift ”Intyget löper snart ut”.",
  doctor: "Läkare",
  days: "Intyget slutar inom (dagar)",
  daysHint: `${MIN_REVIEW_DAYS}–${MAX_REVIEW_DAYS} dagar från i dag.`,
  daysInvalid: `Ange ett heltal mellan ${MIN_REVIEW_DAYS} och ${MAX_REVIEW_DAYS}.`,
  show: "Visa",
  loading: "Hämtar sjukfallen …",
  noDoctor: "Enheten har ingen läkare att gå igenom.",
  empty: "Inga sjukfall att gå igenom i perioden.",
  window: (until: string) => `Intyg som slutar senast ${until}.`,
  renewals: (n: number) =>
    `${n} ${n === 1 ? "sjukfall" : "sjukfall"} i perioden har redan en förlängning under arbete och visas inte.`,
  receiving: (name: string, from: string, to: string) =>
    `Inkluderar sjukfall överlämnade från ${name} (${from} – ${to}).`,
  caption: "Sjukfall som snart löper ut",
  patient: "Patient",
  personnummer: "Personnummer",
  diagnosis: "Diagnos",
  dayInCase: "Dag i sjukfallet",
  grade: "Grad",
  end: "Slutdatum",
  mark: "Markering",
  actions: "Åtgärder",
  handedOver: (name: string | null) => `Överlämnad från ${name ?? "annan läkare"}`,
  unmarked: "Ej genomgången",
  earlierMark: (end: string) => `(gällde slutdatum ${end})`,
  visit: (date: string) => `återbesök ${date}`,
  booked: "Återbesök bokat",
  notNeeded: "Förlängning ej aktuell",
  forRow: (r: ReviewRow) => ` – ${r.name}, ${r.personnummer}`,
  saved: (r: ReviewRow, label: string) => `${r.name}: markerad ”${label}”.`,
  changedTitle: "Sjukfallet har ändrats",
};

export function ReviewSection() {
  const [doctorId, setDoctorId] = useState("");
  const [days, setDays] = useState(DEFAULT_REVIEW_DAYS);
  const [daysInput, setDaysInput] = useState(String(DEFAULT_REVIEW_DAYS));
  const [daysError, setDaysError] = useState<string | null>(null);
  const review = useReview(doctorId, days);
  const markCase = useMarkCase();
  const [dialog, setDialog] = useState<{ row: ReviewRow; choice: MarkChoice } | null>(null);
  const [message, setMessage] = useState("");
  const [failure, setFailure] = useState<unknown>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const data = review.data;
  const reviewedDoctorId = data?.doctor?.id ?? "";

  const applyDays = () => {
    const n = Number(daysInput);
    if (!Number.isInteger(n) || n < MIN_REVIEW_DAYS || n > MAX_REVIEW_DAYS)
      return setDaysError(texts.daysInvalid);
    setDaysError(null);
    setDays(n);
  };

  const save = (row: ReviewRow, choice: MarkChoice, visitDate: string | null, note: string) => {
    setMessage("");
    setFailure(null);
    markCase.mutate(
      {
        doctorId: reviewedDoctorId,
        patientId: row.patientId,
        caseEnd: row.end,
        mark: choice,
        visitDate,
        note,
      },
      {
        onSuccess: (result) => {
          setDialog(null);
          setMessage(texts.saved(row, result.mark.markLabel));
          requestAnimationFrame(() => statusRef.current?.focus());
        },
        onError: (error) => {
          if (isApiError(error, 409) || isApiError(error, 404)) {
            setDialog(null);
            setFailure(error);
            requestAnimationFrame(() => statusRef.current?.focus());
          }
        },
      },
    );
  };
  const dialogError = dialog && markCase.isError && !isApiError(markCase.error, 409) ? markCase.error : null;

  return (
    <Stack gap="sm" component="section" aria-labelledby="genomgang-lista">
      <Title order={2} id="genomgang-lista">
        {texts.heading}
      </Title>
      <Text fz="sm">{texts.intro}</Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          applyDays();
        }}
      >
        <Group align="flex-start">
          {data && data.doctors.length > 0 && (
            <NativeSelect
              label={texts.doctor}
              value={reviewedDoctorId}
              onChange={(e) => setDoctorId(e.currentTarget.value)}
              data={data.doctors.map((d) => ({ value: d.id, label: d.name }))}
              disabled={data.doctors.length === 1}
              miw={240}
            />
          )}
          <TextInput
            type="number"
            label={texts.days}
            description={texts.daysHint}
            min={MIN_REVIEW_DAYS}
            max={MAX_REVIEW_DAYS}
            value={daysInput}
            onChange={(e) => {
              setDaysInput(e.currentTarget.value);
              setDaysError(null);
            }}
            error={daysError}
            w={220}
          />
          <Button type="submit" mt={26}>
            {texts.show}
          </Button>
        </Group>
      </form>

      {review.isPending && <Loading label={texts.loading} />}
      {review.isError && <ErrorAlert error={review.error} />}
      <div ref={statusRef} tabIndex={-1} style={{ outline: "none" }}>
        <Text role="status" aria-live="polite" fw={500}>
          {message}
        </Text>
        {failure !== null && <ErrorAlert error={failure} title={texts.changedTitle} />}
      </div>
      {data && !data.doctor && <Text>{texts.noDoctor}</Text>}
      {data && data.doctor && (
        <>
          <Group gap="md">
            <Text fw={600} data-progress>
              {progressLabel(data.counts.reviewed, data.counts.total)}
            </Text>
            <Text fz="sm">{texts.window(data.until)}</Text>
          </Group>
          {data.receiving.map((h) => (
            <Alert key={h.id} color="blue" variant="light">
              {texts.receiving(h.fromDoctor.name, h.startDate, h.lastDay)}
            </Alert>
          ))}
          {data.renewalsInProgress > 0 && <Text fz="sm">{texts.renewals(data.renewalsInProgress)}</Text>}
          {data.rows.length === 0 ? (
            <Text>{texts.empty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={980}>
              <Table striped data-review-list>
                <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{texts.patient}</Table.Th>
                    <Table.Th scope="col">{texts.personnummer}</Table.Th>
                    <Table.Th scope="col">{texts.diagnosis}</Table.Th>
                    <Table.Th scope="col">{texts.dayInCase}</Table.Th>
                    <Table.Th scope="col">{texts.grade}</Table.Th>
                    <Table.Th scope="col">{texts.end}</Table.Th>
                    <Table.Th scope="col">{texts.mark}</Table.Th>
                    <Table.Th scope="col">{texts.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row) => (
                    <Table.Tr
                      key={row.patientId}
                      data-review-row={row.patientId}
                      data-reviewed={row.reviewed}
                    >
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={`/patienter/${row.patientId}`} fz="sm">
                          {row.name}
                        </Anchor>
                        {row.handedOver && <Text fz="xs">{texts.handedOver(row.doctorName)}</Text>}
                      </Table.Th>
                      <Table.Td>{row.personnummer}</Table.Td>
                      <Table.Td>
                        <Text fz="sm">{row.diagnosis}</Text>
                        {row.diagnosisTitle && <Text fz="xs">{row.diagnosisTitle}</Text>}
                      </Table.Td>
                      <Table.Td>{row.dayInCase}</Table.Td>
                      <Table.Td>{row.currentGrade === null ? "–" : `${row.currentGrade} %`}</Table.Td>
                      <Table.Td>{dateLabel(row.end)}</Table.Td>
                      <Table.Td>
                        <MarkCell row={row} />
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant={
                              row.reviewed && row.mark?.mark === "ATERBESOK_BOKAT" ? "filled" : "default"
                            }
                            onClick={() => setDialog({ row, choice: "ATERBESOK_BOKAT" })}
                          >
                            {texts.booked}
                            <span className="visually-hidden">{texts.forRow(row)}</span>
                          </Button>
                          <Button
                            size="xs"
                            variant={
                              row.reviewed && row.mark?.mark === "FORLANGNING_EJ_AKTUELL"
                                ? "filled"
                                : "default"
                            }
                            onClick={() => setDialog({ row, choice: "FORLANGNING_EJ_AKTUELL" })}
                          >
                            {texts.notNeeded}
                            <span className="visually-hidden">{texts.forRow(row)}</span>
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
      <MarkDialog
        key={dialog ? `${dialog.row.patientId}:${dialog.choice}` : "stangd"}
        row={dialog?.row ?? null}
        choice={dialog?.choice ?? "ATERBESOK_BOKAT"}
        today={data?.today ?? ""}
        pending={markCase.isPending}
        error={dialogError}
        onClose={() => {
          setDialog(null);
          markCase.reset();
        }}
        onConfirm={(visitDate, note) => dialog && save(dialog.row, dialog.choice, visitDate, note)}
      />
    </Stack>
  );
}

function MarkCell({ row }: { row: ReviewRow }) {
  if (!row.mark) return <Text fz="sm">{texts.unmarked}</Text>;
  const m = row.mark;
  return (
    <Stack gap={2}>
      <Badge color={row.reviewed ? "green" : "gray"} variant="light" c="dark">
        {m.markLabel}
      </Badge>
      {!row.reviewed && <Text fz="xs">{texts.earlierMark(m.caseEnd)}</Text>}
      {m.visitDate && <Text fz="xs">{texts.visit(m.visitDate)}</Text>}
      {m.note && <Text fz="xs">{m.note}</Text>}
      <Text fz="xs">
        {m.markedBy ?? ""} {dateLabel(m.markedAt)}
      </Text>
    </Stack>
  );
}
