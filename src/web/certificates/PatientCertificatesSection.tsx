/**
 * The patient's certificates on the unit (newest first) on the patient page, and "Skriv nytt
 * intyg", which starts a draft and opens it. The förstadagsintyg flag is shown while it applies.
 */
import { Alert, Anchor, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import { parseContent } from "../../certificates/content.ts";
import { useCreateCertificate, usePatientCertificates, type Certificate } from "../api/certificates.ts";
import { usePatient } from "../api/patients.ts";
import { can, useSession } from "../app/session.tsx";
import { useToday } from "../app/useToday.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { dateLabel } from "../format.ts";

const texts = {
  title: "Sjukintyg",
  write: "Skriv nytt intyg",
  loading: "Hämtar intygen …",
  none: "Patienten har inga sjukintyg på den här vårdenheten.",
  caption: "Patientens sjukintyg på vårdenheten, senaste först",
  status: "Status",
  period: "Period",
  diagnosis: "Diagnos",
  grade: "Grad",
  signer: "Signerat av",
  open: "Öppna",
  openLabel: (period: string) => `Öppna intyget ${period}`,
  noPeriod: "utan period",
  firstDayTitle: "Förstadagsintyg",
  firstDay: (until: string) =>
    `Patienten har förstadagsintyg till och med ${until}: läkarintyg krävs från första sjukdagen.`,
  createFailed: "Intyget kunde inte skapas",
};

function grades(certificate: Certificate): string {
  const list = [
    ...new Set(parseContent(certificate.content).perioder.flatMap((p) => (p.grad === null ? [] : [p.grad]))),
  ];
  return list.length ? list.map((g) => `${g} %`).join(", ") : "–";
}

function diagnosis(certificate: Certificate): string {
  if (!certificate.mainDiagnosis) return "–";
  const text = parseContent(certificate.content).diagnoser[0]?.text?.trim() ?? "";
  return text ? `${certificate.mainDiagnosis} ${text}` : certificate.mainDiagnosis;
}

function period(certificate: Certificate): string {
  return certificate.startDate || certificate.endDate
    ? `${dateLabel(certificate.startDate)} – ${dateLabel(certificate.endDate)}`
    : "–";
}

export function PatientCertificatesSection({ patientId }: { patientId: string }) {
  const me = useSession();
  const navigate = useNavigate();
  const list = usePatientCertificates(patientId);
  const patient = usePatient(patientId);
  const create = useCreateCertificate(patientId);
  const until = patient.data?.firstDayCertificateUntil ?? null;
  const today = useToday();
  const firstDay = until !== null && until >= today;
  const mayWrite = can(me, "certificate.draft");

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="sjukintyg">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="sjukintyg" fz="h3">
          {texts.title}
        </Title>
        {mayWrite && (
          <Button
            size="sm"
            loading={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: (draft) => navigate(`/intyg/${draft.id}`) })}
          >
            {texts.write}
          </Button>
        )}
      </Group>
      {firstDay && (
        <Alert
          color="blue"
          variant="outline"
          role="note"
          title={texts.firstDayTitle}
          mb="sm"
          styles={{ title: { color: "var(--mantine-color-black)" } }}
        >
          {texts.firstDay(dateLabel(until))}
        </Alert>
      )}
      {create.isError && <ErrorAlert error={create.error} title={texts.createFailed} />}
      {list.isPending && <Loading label={texts.loading} />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && list.data.length === 0 && <Text>{texts.none}</Text>}
      {list.data && list.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Caption className="visually-hidden">{texts.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{texts.status}</Table.Th>
                <Table.Th scope="col">{texts.period}</Table.Th>
                <Table.Th scope="col">{texts.diagnosis}</Table.Th>
                <Table.Th scope="col">{texts.grade}</Table.Th>
                <Table.Th scope="col">{texts.signer}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{texts.open}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((certificate) => (
                <Table.Tr key={certificate.id}>
                  <Table.Td>{certificate.statusLabel}</Table.Td>
                  <Table.Td>{period(certificate)}</Table.Td>
                  <Table.Td>{diagnosis(certificate)}</Table.Td>
                  <Table.Td>{grades(certificate)}</Table.Td>
                  <Table.Td>{certificate.doctorName ?? "–"}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/intyg/${certificate.id}`}
                      aria-label={texts.openLabel(
                        certificate.startDate
                          ? period(certificate)
                          : `${certificate.statusLabel.toLowerCase()} ${texts.noPeriod}`,
                      )}
                    >
                      {texts.open}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
