/**
 * One certificate (route /intyg/:id): the editor while it is a draft and the user may write
 * drafts, otherwise the signed content read-only; the steps its status allows either way.
 */
import { Alert, Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { stepAllowed } from "../../certificates/workflow.ts";
import { KompletteringQuestion } from "../arenden/KompletteringQuestion.tsx";
import { useCertificate, usePatientCertificates, type Certificate } from "../api/certificates.ts";
import { isApiError } from "../api/client.ts";
import { usePatient } from "../api/patients.ts";
import { can, useSession } from "../app/session.tsx";
import { useToday } from "../app/useToday.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { dateLabel, dateTimeLabel } from "../format.ts";
import { CertificateActions } from "./CertificateActions.tsx";
import { CertificateEditor } from "./CertificateEditor.tsx";
import { CertificateView } from "./CertificateView.tsx";
import { useLiveCheck } from "./useLiveCheck.ts";

const texts = {
  title: "Sjukintyg",
  heading: "Läkarintyg för sjukpenning (FK 7804)",
  loading: "Hämtar intyget …",
  notFound: "Intyget hittades inte på den vårdenhet du arbetar på.",
  patient: "Patient",
  status: "Status",
  signed: (at: string, by: string | null) => `Signerat ${at}${by ? ` av ${by}` : ""}`,
  sent: (at: string) => `Skickat till Försäkringskassan ${at}`,
  revoked: (at: string) => `Makulerat ${at}`,
  revokedReason: (label: string, text: string | null) => `Orsak: ${label}${text ? ` – ${text}` : ""}`,
  renews: "Förlänger ett tidigare intyg",
  replaces: "Ersätter ett tidigare intyg",
  completes: "Kompletterar ett tidigare intyg",
  firstDayTitle: "Förstadagsintyg",
  firstDay: (until: string) =>
    `Patienten har förstadagsintyg till och med ${until}: läkarintyg krävs från första sjukdagen.`,
  loadingHistory: "Hämtar patientens intyg …",
};

export function CertificatePage() {
  const { id = "" } = useParams();
  const certificate = useCertificate(id);
  const notFound = isApiError(certificate.error, 404) || isApiError(certificate.error, 400);
  return (
    <Stack gap="lg">
      <PageTitle title={texts.title}>{texts.heading}</PageTitle>
      {certificate.isPending && <Loading label={texts.loading} />}
      {notFound && <Text>{texts.notFound}</Text>}
      {certificate.isError && !notFound && <ErrorAlert error={certificate.error} />}
      {certificate.data && <LoadedCertificate certificate={certificate.data} />}
    </Stack>
  );
}

function LoadedCertificate({ certificate }: { certificate: Certificate }) {
  const me = useSession();
  const patient = usePatient(certificate.patientId);
  const list = usePatientCertificates(certificate.patientId);
  const editable = stepAllowed("edit", certificate.status) && can(me, "certificate.draft");
  const listed = list.data?.find((c) => c.id === certificate.id);
  const until = patient.data?.firstDayCertificateUntil ?? null;
  const today = useToday();
  const firstDay = until !== null && until >= today;

  return (
    <>
      <Group gap="lg" wrap="wrap">
        {patient.data && (
          <Text>
            {texts.patient}:{" "}
            <Anchor component={Link} to={`/patienter/${patient.data.id}`}>
              {patient.data.givenName} {patient.data.familyName}, {patient.data.personnummer}
            </Anchor>
          </Text>
        )}
        <Group gap="xs">
          <Text>{texts.status}:</Text>
          <Badge size="lg" variant="outline" color="dark">
            {certificate.statusLabel}
          </Badge>
        </Group>
      </Group>
      <Relations
        certificate={certificate}
        doctorName={certificate.doctorName ?? listed?.doctorName ?? null}
      />
      {firstDay && (
        <Alert
          color="blue"
          variant="outline"
          role="note"
          title={texts.firstDayTitle}
          styles={{ title: { color: "var(--mantine-color-black)" } }}
        >
          {texts.firstDay(dateLabel(until))}
        </Alert>
      )}
      {patient.isError && <ErrorAlert error={patient.error} />}
      {list.isError && <ErrorAlert error={list.error} />}
      <KompletteringQuestion
        patientId={certificate.patientId}
        certificateId={editable ? certificate.completesId : certificate.id}
        inEditor={editable}
      />
      {editable ? (
        list.data ? (
          <CertificateEditor key={certificate.id} certificate={certificate} all={list.data} />
        ) : (
          list.isPending && <Loading label={texts.loadingHistory} />
        )
      ) : (
        <>
          <CertificateView certificate={certificate} />
          <SignedActions certificate={certificate} all={list.data ?? []} />
        </>
      )}
    </>
  );
}

/** Actions on a certificate that is not edited here; the send dialog knows the case's warnings. */
function SignedActions({ certificate, all }: { certificate: Certificate; all: Certificate[] }) {
  const live = useLiveCheck(certificate.content, certificate, all);
  return <CertificateActions certificate={certificate} sendWarnings={live.result.warnings} />;
}

function Relations({ certificate, doctorName }: { certificate: Certificate; doctorName: string | null }) {
  const facts: string[] = [];
  if (certificate.signedAt) facts.push(texts.signed(dateTimeLabel(certificate.signedAt), doctorName));
  if (certificate.sentAt) facts.push(texts.sent(dateTimeLabel(certificate.sentAt)));
  if (certificate.revokedAt) facts.push(texts.revoked(dateTimeLabel(certificate.revokedAt)));
  if (certificate.revokedReasonLabel) {
    facts.push(texts.revokedReason(certificate.revokedReasonLabel, certificate.revokedReasonText));
  }
  const links: [string, string | null][] = [
    [texts.renews, certificate.renewsId],
    [texts.replaces, certificate.replacesId],
    [texts.completes, certificate.completesId],
  ];
  if (facts.length === 0 && links.every(([, id]) => !id)) return null;
  return (
    <Stack gap={4}>
      {facts.map((fact) => (
        <Text key={fact} fz="sm">
          {fact}
        </Text>
      ))}
      {links.map(([label, id]) =>
        id ? (
          <Anchor key={label} component={Link} to={`/intyg/${id}`} fz="sm">
            {label}
          </Anchor>
        ) : null,
      )}
    </Stack>
  );
}
