/**
 * The editor's draft and its autosave: changes are saved a moment after the user pauses, on top
 * of the version the editor last saw. A stale save (409) stops autosaving and keeps the user's
 * text; the user then chooses between the saved version and their own. Nothing is overwritten
 * silently and nothing typed is dropped.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CertificateDraft } from "../../certificates/rules/index.ts";
import { isApiError } from "../api/client.ts";
import {
  saveCertificate,
  type Certificate,
  type CertificateCheck,
  type SavedCertificate,
} from "../api/certificates.ts";
import { keys } from "../api/keys.ts";
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

export interface AutosaveState {
  saving: boolean;
  /** When the last save succeeded (this session). */
  savedAt: Date | null;
  /** The server's verdict on the last saved content. */
  serverCheck: CertificateCheck | undefined;
  /** What is saved now, after a stale save; autosave waits for the user's choice. */
  conflict: SavedCertificate | null;
  /** A failed save other than a conflict. */
  error: unknown;
  /** Changes not saved yet. */
  dirty: boolean;
}

export function useAutosave(certificate: Certificate) {
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<FormDraft>(() => fromContent(certificate.content));
  const [state, setState] = useState<AutosaveState>({
    saving: false,
    savedAt: null,
    serverCheck: certificate.check,
    conflict: null,
    error: null,
    dirty: false,
  });
  const draftRef = useRef(draft);
  const baseRef = useRef<CertificateDraft>(certificate.content);
  const versionRef = useRef(certificate.version);
  const savedJsonRef = useRef(canonicalJson(toContent(draft, certificate.content)));
  /** Saves run one after the other, so that each builds on the version the previous one got. */
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const pendingRef = useRef(0);
  const conflictRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  const patch = (changes: Partial<AutosaveState>) => setState((current) => ({ ...current, ...changes }));
  const typedJson = () => canonicalJson(toContent(draftRef.current, baseRef.current));

  const saveOnce = useCallback(async (): Promise<"saved" | "conflict" | "failed"> => {
    if (conflictRef.current) return "conflict";
    const content = toContent(draftRef.current, baseRef.current);
    const json = canonicalJson(content);
    if (json === savedJsonRef.current) {
      patch({ dirty: false });
      return "saved";
    }
    patch({ saving: true, error: null });
    try {
      const saved = await saveCertificate(certificate.id, versionRef.current, content);
      versionRef.current = saved.version;
      baseRef.current = saved.content;
      savedJsonRef.current = json;
      queryClient.setQueryData(keys.certificate(saved.id), saved);
      // "Sparat 10:42" tells the user when, on their own clock; it decides nothing.
      // eslint-disable-next-line no-restricted-syntax
      patch({ saving: false, savedAt: new Date(), serverCheck: saved.check, dirty: typedJson() !== json });
      return "saved";
    } catch (error) {
      if (isApiError(error, 409) && error.current) {
        conflictRef.current = true;
        patch({ saving: false, conflict: error.current as SavedCertificate });
        return "conflict";
      }
      patch({ saving: false, error });
      return "failed";
    }
  }, [certificate.id, queryClient]);

  /** Saves what is typed now; true when everything typed is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    pendingRef.current++;
    const run = queueRef.current.then(saveOnce);
    queueRef.current = run.catch(() => undefined);
    try {
      return (await run) === "saved" && typedJson() === savedJsonRef.current;
    } finally {
      pendingRef.current--;
    }
  }, [saveOnce]);

  const schedule = useCallback(() => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void flush();
    }, autosaveDelayMs);
  }, [flush]);

  const update = useCallback(
    (change: (current: FormDraft) => FormDraft) => {
      const next = change(draftRef.current);
      draftRef.current = next;
      setDraftState(next);
      patch({ dirty: true });
      if (!conflictRef.current) schedule();
    },
    [schedule],
  );

  /** The user's choice after a conflict: take the saved version (their changes are dropped). */
  const takeSaved = useCallback(() => {
    const current = state.conflict;
    if (!current) return;
    const next = fromContent(current.content);
    draftRef.current = next;
    setDraftState(next);
    baseRef.current = current.content;
    versionRef.current = current.version;
    savedJsonRef.current = canonicalJson(toContent(next, current.content));
    conflictRef.current = false;
    patch({ conflict: null, dirty: false, error: null });
    void queryClient.invalidateQueries({ queryKey: keys.certificate(certificate.id) });
  }, [state.conflict, certificate.id, queryClient]);

  /** The user's choice after a conflict: save their version on top of the saved one. */
  const keepMine = useCallback(async () => {
    const current = state.conflict;
    if (!current) return false;
    baseRef.current = current.content;
    versionRef.current = current.version;
    savedJsonRef.current = canonicalJson(current.content);
    conflictRef.current = false;
    patch({ conflict: null });
    return flush();
  }, [state.conflict, flush]);

  // Leaving the page saves what is typed; closing the tab with unsaved text asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (timerRef.current || pendingRef.current > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (timerRef.current) void flush();
    };
  }, [flush]);

  return {
    draft,
    update,
    flush,
    state,
    takeSaved,
    keepMine,
    version: () => versionRef.current,
    content: toContent(draft, baseRef.current),
  };
}
