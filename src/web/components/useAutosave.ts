/**
 * The one autosave of the web app's drafts (certificates, kartläggande samtal): a change is saved
 * a moment after the user pauses, on top of the version the editor last saw, one save after the
 * other so that each builds on the version the previous one got. A stale save (409) stops
 * autosaving and keeps every typed word: the hook holds what is saved now (`state.conflict`, shown
 * beside the user's text by ConflictComparison) until the user takes it or saves their own on
 * top of it. Nothing is overwritten silently and nothing typed is dropped.
 *
 * The editor says what its draft is: how to make one from the server's copy, what to send for a
 * change (nothing when the draft says what is saved), and what is saved after a save.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { isApiError } from "../api/client.ts";

export interface AutosaveSpec<Draft, Base, Payload, Saved, Current> {
  /** The server's copy the editor opens with. */
  initial: Current;
  delayMs: number;
  /** The editable draft of a server copy. */
  draftOf(current: Current): Draft;
  /** What a server copy holds, to measure the draft against. */
  baseOf(current: Current): Base;
  /** What to send to save the draft on top of `base`; null when nothing differs. */
  changes(draft: Draft, base: Base): Payload | null;
  /** Saves on top of `version` (a 409 with the current copy when stale). */
  send(payload: Payload, version: number): Promise<Saved>;
  /** What the server holds after `payload` was saved with the answer `saved`. */
  rebase(base: Base, payload: Payload, saved: Saved): Base;
  /** A failure after which saving cannot succeed (autosave stops; the error is shown). */
  stops?(error: unknown): boolean;
  onSaved?(saved: Saved): void;
  /** After the user took the saved copy instead of theirs. */
  onTakeSaved?(current: Current): void;
}

export interface AutosaveState<Saved, Current> {
  saving: boolean;
  /** When the last save succeeded (this session). */
  savedAt: Date | null;
  /** The last save's answer. */
  lastSaved: Saved | null;
  /** What is saved now, after a stale save; autosave waits for the user's choice. */
  conflict: Current | null;
  /** A failed save other than a conflict. */
  error: unknown;
}

type Outcome = "saved" | "conflict" | "failed";

export function useAutosave<
  Draft,
  Base,
  Payload,
  Saved extends { version: number; updatedAt: string },
  Current extends { version: number },
>(spec: AutosaveSpec<Draft, Base, Payload, Saved, Current>) {
  const specRef = useRef(spec);
  useLayoutEffect(() => {
    specRef.current = spec;
  });
  const [draft, setDraftState] = useState<Draft>(() => spec.draftOf(spec.initial));
  const [state, setState] = useState<AutosaveState<Saved, Current>>({
    saving: false,
    savedAt: null,
    lastSaved: null,
    conflict: null,
    error: null,
  });
  const draftRef = useRef(draft);
  /** What the server holds, as far as this editor knows. */
  const baseRef = useRef<Base>(spec.baseOf(spec.initial));
  const versionRef = useRef(spec.initial.version);
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const pendingRef = useRef(0);
  const stoppedRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);

  const patch = (changes: Partial<AutosaveState<Saved, Current>>) =>
    setState((current) => ({ ...current, ...changes }));

  const saveOnce = useCallback(async (): Promise<Outcome> => {
    if (stoppedRef.current) return "conflict";
    const { changes, send, rebase, stops, onSaved } = specRef.current;
    const payload = changes(draftRef.current, baseRef.current);
    if (payload === null) return "saved";
    patch({ saving: true, error: null });
    try {
      const saved = await send(payload, versionRef.current);
      versionRef.current = saved.version;
      baseRef.current = rebase(baseRef.current, payload, saved);
      onSaved?.(saved);
      // "Sparat 10:42": when the server saved it, by the database's clock.
      patch({ saving: false, savedAt: new Date(saved.updatedAt), lastSaved: saved });
      return "saved";
    } catch (error) {
      if (isApiError(error, 409) && error.current) {
        stoppedRef.current = true;
        patch({ saving: false, conflict: error.current as Current });
        return "conflict";
      }
      if (stops?.(error)) stoppedRef.current = true;
      patch({ saving: false, error });
      return "failed";
    }
  }, []);

  /** Saves what is typed now; true when everything typed is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    pendingRef.current++;
    const run = queueRef.current.then(saveOnce);
    queueRef.current = run.catch(() => undefined);
    try {
      return (await run) === "saved" && specRef.current.changes(draftRef.current, baseRef.current) === null;
    } finally {
      pendingRef.current--;
    }
  }, [saveOnce]);

  const schedule = useCallback(() => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void flush();
    }, specRef.current.delayMs);
  }, [flush]);

  const update = useCallback(
    (change: (current: Draft) => Draft) => {
      const next = change(draftRef.current);
      draftRef.current = next;
      setDraftState(next);
      if (!stoppedRef.current) schedule();
    },
    [schedule],
  );

  /** The user's choice after a conflict: take the saved copy (their changes are dropped). */
  const takeSaved = useCallback(() => {
    const current = state.conflict;
    if (!current) return;
    const { draftOf, baseOf, onTakeSaved } = specRef.current;
    const next = draftOf(current);
    draftRef.current = next;
    setDraftState(next);
    baseRef.current = baseOf(current);
    versionRef.current = current.version;
    stoppedRef.current = false;
    patch({ conflict: null, error: null });
    onTakeSaved?.(current);
  }, [state.conflict]);

  /** The user's choice after a conflict: save their version on top of the saved copy. */
  const keepMine = useCallback(async () => {
    const current = state.conflict;
    if (!current) return false;
    baseRef.current = specRef.current.baseOf(current);
    versionRef.current = current.version;
    stoppedRef.current = false;
    patch({ conflict: null, error: null });
    return flush();
  }, [state.conflict, flush]);

  /** A conflict found by another request (e.g. completing on a stale version). */
  const showConflict = useCallback((current: Current) => {
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

  return {
    draft,
    update,
    flush,
    state,
    /** Typed changes not saved yet. */
    unsaved: spec.changes(draft, baseRef.current) !== null,
    takeSaved,
    keepMine,
    showConflict,
    version: () => versionRef.current,
    /** What the server holds, as far as this editor knows. */
    base: () => baseRef.current,
  };
}
