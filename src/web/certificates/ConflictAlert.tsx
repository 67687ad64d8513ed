/**
 * Someone else saved the certificate while the user was writing. Shows, per question, what is
 * saved now and what the user has written, and lets the user choose: keep writing from the saved
 * version, or save their own version on top of it. Autosave waits until they choose.
 */
import type { Ref } from "react";
import type { CertificateDraft } from "../../certificates/rules/index.ts";
import type { SavedCertificate } from "../api/certificates.ts";
import { ConflictComparison } from "../components/ConflictComparison.tsx";
import { differences } from "./describe.ts";

const texts = {
  title: "Någon annan har ändrat intyget",
  body: "Intyget sparades av någon annan medan du skrev. Dina ändringar är inte sparade men finns kvar i formuläret. Jämför och välj hur du vill fortsätta.",
  notEditable: (status: string) =>
    `Intyget har nu status ${status.toLowerCase()} och kan inte längre ändras. Dina ändringar kan inte sparas i det här intyget.`,
  question: "Fråga",
  same: "Inga skillnader i svaren.",
};

const statusLabel: Record<string, string> = {
  SIGNERAT: "Signerat",
  SKICKAT: "Skickat",
  MAKULERAT: "Makulerat",
};

export function ConflictAlert(props: {
  saved: SavedCertificate;
  mine: CertificateDraft;
  onKeepMine: () => void;
  onUseSaved: () => void;
  busy: boolean;
  ref?: Ref<HTMLDivElement>;
}) {
  const { saved, mine } = props;
  const editable = saved.status === "UTKAST" || saved.status === "KLAR_FOR_SIGNERING";
  return (
    <ConflictComparison
      title={texts.title}
      body={editable ? texts.body : texts.notEditable(statusLabel[saved.status] ?? saved.status)}
      fieldHeader={texts.question}
      rows={differences(saved.content ?? {}, mine)}
      noDifferences={texts.same}
      mayKeepMine={editable}
      onKeepMine={props.onKeepMine}
      onUseSaved={props.onUseSaved}
      busy={props.busy}
      {...(props.ref ? { ref: props.ref } : {})}
    />
  );
}
