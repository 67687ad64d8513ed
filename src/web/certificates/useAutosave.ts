/**
 * The certificate editor's draft on the shared autosave (components/useAutosave.ts): the form
 * draft is saved as FK 7804 content on top of the content the server holds; what the server
 * judged of the last save (`serverCheck`) comes with it.
 */
import { useQueryClient } from "@tanstack/react-query";
import type { CertificateDraft } from "../../certificates/rules/index.ts";
import { saveCertificate, type Certificate, type SavedCertificate } from "../api/certificates.ts";
import { keys } from "../api/keys.ts";
import { useAutosave } from "../components/useAutosave.ts";
import { fromContent, toContent, type FormDraft } from "./formDraft.ts";

export const autosaveDelayMs = 800;

/** JSON with sorted keys: the database hands objects back in its own key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The content the server holds, and its canonical JSON as the form would send it back. */
interface SavedContent {
  content: CertificateDraft;
  json: string;
}

const savedContentOf = (content: CertificateDraft): SavedContent => ({
  content,
  json: canonicalJson(toContent(fromContent(content), content)),
});

export function useCertificateAutosave(certificate: Certificate) {
  const queryClient = useQueryClient();
  const autosave = useAutosave<FormDraft, SavedContent, CertificateDraft, Certificate, SavedCertificate>({
    initial: certificate,
    delayMs: autosaveDelayMs,
    draftOf: (current) => fromContent(current.content),
    baseOf: (current) => savedContentOf(current.content),
    changes: (draft, base) => {
      const content = toContent(draft, base.content);
      return canonicalJson(content) === base.json ? null : content;
    },
    send: (content, version) => saveCertificate(certificate.id, version, content),
    rebase: (_base, content, saved) => ({ content: saved.content, json: canonicalJson(content) }),
    onSaved: (saved) => queryClient.setQueryData(keys.certificate(saved.id), saved),
    onTakeSaved: () => void queryClient.invalidateQueries({ queryKey: keys.certificate(certificate.id) }),
  });
  return {
    ...autosave,
    /** The server's verdict on the last saved content. */
    serverCheck: autosave.state.lastSaved?.check ?? certificate.check,
    content: toContent(autosave.draft, autosave.base().content),
  };
}
