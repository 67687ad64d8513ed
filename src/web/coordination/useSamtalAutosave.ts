/**
 * The kartläggande samtal draft and its autosave: changes are saved a moment after the user
 * pauses, on top of the version last seen. A stale save (409) stops autosaving and keeps every
 * typed word in the form; the user then chooses between the saved version and their own.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { isApiError } from "../api/client.ts";
import { saveSamtal, type Samtal } from "../api/coordination.ts";
import { applyFields, changedFields, draftOf, type SamtalDraft, type SamtalField } from "./samtalDraft.ts";

export const autosaveDelayMs = 1000;

export interface SamtalSaveState {
  saving: boolean;
  savedAt: Date | null;
  /** What is saved now after a stale save; autosave waits for the user's choice. */
  conflict: Samtal | null;
  /** A failed save other than a conflict (e.g. the samtal was completed elsewhere). */
  error: unknown;
}

export type SaveOutcome = "saved" | "conflict" | "failed";

export function useSamtalAutosave(samtal: Samtal) {
  const [draft, setDraftState] = useState<SamtalDraft>(() => draftOf(samtal));
  const [state, setState] = useState<SamtalSaveState>({
    saving: false,
    savedAt: null,
    conflict: null,
    error: null,
  });
  const draftRef = useRef(draft);
  /** The draft as the server has it (as far as this editor knows). */
  const savedRef = useRef<SamtalDraft>(draftOf(samtal));
  const versionRef = useRef(samtal.version);
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const pendingRef = useRef(0);
  const stoppedRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [, setTick] = useState(0);

  const patch = (changes: Partial<SamtalSaveState>) => setState((current) => ({ ...current, ...changes }));

  const saveOnce = useCallback(async (): Promise<SaveOutcome> => {
    if (stoppedRef.current) return "conflict";
    const fields = changedFields(draftRef.current, savedRef.current);
    if (Object.keys(fields).length === 0) return "saved";
    patch({ saving: true, error: null });
    try {
      const saved = await saveSamtal(samtal.id, versionRef.current, fields);
      versionRef.current = saved.version;
      savedRef.current = applyFields(savedRef.current, fields);
      // "Sparat 10:42" tells the user when, on their own clock; it decides nothing.
      // eslint-disable-next-line no-restricted-syntax
      patch({ saving: false, savedAt: new Date() });
      return "saved";
    } catch (error) {
      if (isApiError(error, 409) && error.current) {
        stoppedRef.current = true;
        patch({ saving: false, conflict: error.current as Samtal });
        return "conflict";
      }
      if (isApiError(error) && error.code === "SAMTAL_COMPLETED") stoppedRef.current = true;
      patch({ saving: false, error });
      return "failed";
    } finally {
      setTick((n) => n + 1);
    }
  }, [samtal.id]);

  /** Saves what is typed now; true when everything that can be saved is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    pendingRef.current++;
    const run = queueRef.current.then(saveOnce);
    queueRef.current = run.catch(() => undefined);
    try {
      return (await run) === "saved";
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
    <K extends SamtalField>(field: K, value: SamtalDraft[K]) => {
      const next = { ...draftRef.current, [field]: value };
      draftRef.current = next;
      setDraftState(next);
      if (!stoppedRef.current) schedule();
    },
    [schedule],
  );

  /** After a conflict: take the saved version (the user's changes are dropped, by their choice). */
  const takeSaved = useCallback(() => {
    const current = state.conflict;
    if (!current) return;
    const next = draftOf(current);
    draftRef.current = next;
    setDraftState(next);
    savedRef.current = draftOf(current);
    versionRef.current = current.version;
    stoppedRef.current = false;
    patch({ conflict: null, error: null });
  }, [state.conflict]);

  /** After a conflict: save the user's version on top of the saved one. */
  const keepMine = useCallback(async () => {
    const current = state.conflict;
    if (!current) return false;
    savedRef.current = draftOf(current);
    versionRef.current = current.version;
    stoppedRef.current = false;
    patch({ conflict: null, error: null });
    return flush();
  }, [state.conflict, flush]);

  /** A conflict found by another request (e.g. completing on a stale version). */
  const showConflict = useCallback((current: Samtal) => {
    stoppedRef.current = true;
    patch({ conflict: current });
  }, []);

  // Leaving the page saves what is typed; closing the tab with a save pending asks first.
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

  const unsaved = Object.keys(changedFields(draft, savedRef.current)).length > 0;
  return {
    draft,
    update,
    flush,
    state,
    /** Typed changes not saved yet (dates count once they are whole dates). */
    unsaved,
    takeSaved,
    keepMine,
    showConflict,
    version: () => versionRef.current,
  };
}
