/**
 * What can be done with the certificate now, by its status and the user's capabilities: mark
 * ready (those who prepare), sign, send, renew, replace and revoke (doctors), print (everyone who
 * reads it). A refused signature shows why; an API error shows the server's message.
 */
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  Textarea,
  VisuallyHidden,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { stepAllowed } from "../../certificates/workflow.ts";
import { isApiError } from "../api/client.ts";
import {
  certificatePdfUrl,
  useCertificateStep,
  type Certificate,
  type CheckIssue,
  type CheckWarning,
} from "../api/certificates.ts";
import { keys } from "../api/keys.ts";
import { can, useSession } from "../app/session.tsx";
import { FormErrorAlert } from "../components/FormErrorAlert.tsx";

const texts = {
  region: "Åtgärder för intyget",
  ready: "Markera klar för signering",
  sign: "Signera",
  send: "Skicka till Försäkringskassan",
  renew: "Förläng",
  replace: "Ersätt",
  revoke: "Makulera",
  pdf: "Skriv ut / PDF",
  pdfHint: "(öppnas i en ny flik)",
  onlyDoctors:
    "Endast läkare kan signera intyget. Markera utkastet klart för signering när underlaget är ifyllt.",
  signBlocked: (count: number) =>
    `Intyget kan inte signeras förrän ${count === 1 ? "1 uppgift" : `${count} uppgifter`} har rättats (se listan överst).`,
  readyBlocked: (count: number) =>
    `Utkastet kan inte markeras klart förrän ${count === 1 ? "1 uppgift" : `${count} uppgifter`} har rättats (se listan överst).`,
  errorTitle: "Åtgärden kunde inte utföras",
  sendTitle: "Skicka intyget till Försäkringskassan",
  sendBody:
    "Intyget skickas till Försäkringskassan. Det går inte att ångra; ett skickat intyg kan makuleras eller ersättas.",
  confirmWarning: "Jag har läst varningen och vill skicka intyget ändå",
  confirmRequired: "Bekräfta att du har läst varningen.",
  cancel: "Avbryt",
  sendNow: "Skicka",
  revokeTitle: "Makulera intyget",
  revokeBody: "Ett makulerat intyg räknas inte i sjukfallet. Försäkringskassan informeras om makuleringen.",
  reasonLegend: "Ange för Försäkringskassan varför du makulerar intyget",
  reasons: {
    FEL_PATIENT: "Intyget har utfärdats på fel patient",
    ANNAT_ALLVARLIGT_FEL: "Annat allvarligt fel",
  },
  reason: { FEL_PATIENT: "Förtydliga vid behov", ANNAT_ALLVARLIGT_FEL: "Beskriv felet" },
  reasonRequired: "Beskriv felet som är orsak till makuleringen.",
  codeRequired: "Välj orsak till makuleringen.",
  revokeNow: "Makulera intyget",
  queued:
    "Intyget har lagts i kön till Försäkringskassan. Statusen blir Skickat när Försäkringskassan har tagit emot det.",
};

/** After sending: how often and how long the page looks for the delivery. */
const deliveryPollMs = 1500;
const deliveryPollTimes = 40;

export interface EditorBinding {
  /** Saves what is typed; false when it could not be saved (conflict or error). */
  flush: () => Promise<boolean>;
  version: () => number;
  /** The errors known now (browser and last server verdict). */
  errors: CheckIssue[];
  /** The signature (or ready) was refused: show why and move the focus there. */
  onRefused: (issues: CheckIssue[] | null) => void;
}

export function CertificateActions(props: {
  certificate: Certificate;
  editor?: EditorBinding;
  /** Warnings of the certificate as it would be sent (SHORT_CASE needs explicit confirmation). */
  sendWarnings: CheckWarning[];
}) {
  const { certificate, editor, sendWarnings } = props;
  const me = useSession();
  const navigate = useNavigate();
  const step = useCertificateStep(certificate);
  const [dialog, setDialog] = useState<"send" | "revoke" | null>(null);
  const [queued, setQueued] = useState(false);
  const queryClient = useQueryClient();
  const mayDraft = can(me, "certificate.draft");
  const maySign = can(me, "certificate.sign");
  const status = certificate.status;
  const refusedByRules = isApiError(step.error) && step.error.code === "INVALID_CERTIFICATE";
  const showError = step.isError && !refusedByRules && dialog === null;

  // Sending goes through the outbox: look for the delivery for a while.
  const waitingForDelivery = queued && status === "SIGNERAT";
  useEffect(() => {
    if (!waitingForDelivery) return;
    let times = 0;
    const timer = setInterval(() => {
      if (++times > deliveryPollTimes) return clearInterval(timer);
      void queryClient.invalidateQueries({ queryKey: keys.certificate(certificate.id) });
    }, deliveryPollMs);
    return () => clearInterval(timer);
  }, [waitingForDelivery, certificate.id, queryClient]);

  const signOrReady = async (which: "sign" | "ready") => {
    if (!editor) return;
    step.reset();
    if (editor.errors.length > 0) return editor.onRefused(null);
    if (!(await editor.flush())) return;
    step.mutate(
      { step: which, version: editor.version() },
      {
        onError: (error) => {
          if (isApiError(error) && error.code === "INVALID_CERTIFICATE") {
            editor.onRefused(error.issues.map((issue) => ({ field: issue.path, message: issue.message })));
          }
        },
      },
    );
  };

  const derive = (which: "renew" | "replace") =>
    step.mutate({ step: which }, { onSuccess: (draft) => navigate(`/intyg/${draft.id}`) });

  const blocked = (editor?.errors.length ?? 0) > 0;

  return (
    <Stack gap="sm" component="section" aria-label={texts.region}>
      <FormErrorAlert error={showError ? step.error : null} title={texts.errorTitle} />
      <Group gap="sm">
        {editor && mayDraft && !maySign && stepAllowed("markReady", status) && (
          <Button
            onClick={() => void signOrReady("ready")}
            loading={step.isPending}
            color={blocked ? "gray.7" : undefined}
            aria-disabled={blocked || undefined}
            aria-describedby={blocked ? "atgard-hinder" : undefined}
          >
            {texts.ready}
          </Button>
        )}
        {editor && maySign && stepAllowed("sign", status) && (
          <Button
            onClick={() => void signOrReady("sign")}
            loading={step.isPending}
            aria-disabled={blocked || undefined}
            aria-describedby={blocked ? "atgard-hinder" : undefined}
            color={blocked ? "gray.7" : undefined}
          >
            {texts.sign}
          </Button>
        )}
        {maySign && stepAllowed("send", status) && !queued && (
          <Button onClick={() => setDialog("send")}>{texts.send}</Button>
        )}
        {maySign && stepAllowed("renew", status) && (
          <Button variant="outline" onClick={() => derive("renew")} loading={step.isPending}>
            {texts.renew}
          </Button>
        )}
        {maySign && stepAllowed("replace", status) && (
          <Button variant="outline" onClick={() => derive("replace")} loading={step.isPending}>
            {texts.replace}
          </Button>
        )}
        {maySign && stepAllowed("revoke", status) && (
          <Button variant="outline" color="red.9" onClick={() => setDialog("revoke")}>
            {texts.revoke}
          </Button>
        )}
        <Anchor href={certificatePdfUrl(certificate.id)} target="_blank" rel="noopener">
          {texts.pdf} <VisuallyHidden>{texts.pdfHint}</VisuallyHidden>
        </Anchor>
      </Group>
      {editor && blocked && (maySign || mayDraft) && (
        <Text id="atgard-hinder" fz="sm">
          {maySign ? texts.signBlocked(editor.errors.length) : texts.readyBlocked(editor.errors.length)}
        </Text>
      )}
      {editor && mayDraft && !maySign && <Text fz="sm">{texts.onlyDoctors}</Text>}
      {waitingForDelivery && (
        <Text role="status" fz="sm">
          {texts.queued}
        </Text>
      )}
      <SendDialog
        opened={dialog === "send"}
        onClose={() => {
          setDialog(null);
          step.reset();
        }}
        warnings={sendWarnings.filter((w) => w.code === "SHORT_CASE")}
        pending={step.isPending}
        error={dialog === "send" ? step.error : null}
        onSend={(confirmedWarnings) =>
          step.mutate(
            { step: "send", version: certificate.version, confirmedWarnings },
            {
              onSuccess: () => {
                setDialog(null);
                setQueued(true);
              },
            },
          )
        }
      />
      <RevokeDialog
        opened={dialog === "revoke"}
        onClose={() => {
          setDialog(null);
          step.reset();
        }}
        pending={step.isPending}
        error={dialog === "revoke" ? step.error : null}
        onRevoke={(reasonCode, reason) =>
          step.mutate(
            { step: "revoke", version: certificate.version, reasonCode, reason },
            { onSuccess: () => setDialog(null) },
          )
        }
      />
    </Stack>
  );
}

function SendDialog(props: {
  opened: boolean;
  onClose: () => void;
  warnings: CheckWarning[];
  pending: boolean;
  error: unknown;
  onSend: (confirmedWarnings: string[]) => void;
}) {
  const { opened, onClose, warnings, pending, error, onSend } = props;
  const [confirmed, setConfirmed] = useState(false);
  const [missing, setMissing] = useState(false);
  const serverAsks = isApiError(error) && error.code === "CONFIRMATION_REQUIRED";
  const warningText = serverAsks ? error.message : warnings.map((w) => w.message).join(" ");
  const needsConfirmation = warningText !== "";

  useEffect(() => {
    if (!opened) {
      setConfirmed(false);
      setMissing(false);
    }
  }, [opened]);

  const send = () => {
    if (needsConfirmation && !confirmed) return setMissing(true);
    onSend(confirmed ? ["SHORT_CASE"] : []);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={texts.sendTitle} size="lg">
      <Stack gap="md">
        <Text>{texts.sendBody}</Text>
        {needsConfirmation && (
          <Alert
            color="yellow"
            variant="outline"
            role="alert"
            title="Varning"
            styles={{ title: { color: "var(--mantine-color-black)" } }}
          >
            <Text fz="sm">{warningText}</Text>
            <Checkbox
              mt="sm"
              label={texts.confirmWarning}
              checked={confirmed}
              onChange={(event) => {
                setConfirmed(event.currentTarget.checked);
                setMissing(false);
              }}
              error={missing ? texts.confirmRequired : undefined}
            />
          </Alert>
        )}
        <FormErrorAlert
          error={serverAsks || missing ? null : error}
          fieldErrors={{ confirm: missing ? texts.confirmRequired : undefined }}
          title={texts.errorTitle}
          attempt={missing}
        />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {texts.cancel}
          </Button>
          <Button onClick={send} loading={pending}>
            {texts.sendNow}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type ReasonCode = keyof typeof texts.reasons;

function RevokeDialog(props: {
  opened: boolean;
  onClose: () => void;
  pending: boolean;
  error: unknown;
  onRevoke: (code: ReasonCode, reason: string) => void;
}) {
  const { opened, onClose, pending, error, onRevoke } = props;
  const [code, setCode] = useState<ReasonCode | null>(null);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<"code" | "reason" | null>(null);

  useEffect(() => {
    if (!opened) {
      setCode(null);
      setReason("");
      setMissing(null);
    }
  }, [opened]);

  const revoke = () => {
    if (code === null) return setMissing("code");
    if (code === "ANNAT_ALLVARLIGT_FEL" && reason.trim() === "") return setMissing("reason");
    onRevoke(code, reason);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={texts.revokeTitle} size="lg">
      <Stack gap="md">
        <Text>{texts.revokeBody}</Text>
        <Radio.Group
          label={texts.reasonLegend}
          withAsterisk
          value={code ?? ""}
          onChange={(value) => {
            setCode(value as ReasonCode);
            setMissing(null);
          }}
          error={missing === "code" ? texts.codeRequired : undefined}
        >
          <Stack gap="xs" mt="xs">
            {(Object.keys(texts.reasons) as ReasonCode[]).map((option) => (
              <Radio key={option} value={option} label={texts.reasons[option]} />
            ))}
          </Stack>
        </Radio.Group>
        {code !== null && (
          <Textarea
            label={texts.reason[code]}
            withAsterisk={code === "ANNAT_ALLVARLIGT_FEL"}
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(null);
            }}
            error={missing === "reason" ? texts.reasonRequired : undefined}
          />
        )}
        <FormErrorAlert
          error={missing ? null : error}
          fieldErrors={{
            code: missing === "code" ? texts.codeRequired : undefined,
            reason: missing === "reason" ? texts.reasonRequired : undefined,
          }}
          title={texts.errorTitle}
          attempt={missing}
        />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {texts.cancel}
          </Button>
          <Button color="red.9" onClick={revoke} loading={pending}>
            {texts.revokeNow}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
