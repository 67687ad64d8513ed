/**
 * What a user has typed but not yet saved, kept in the tab's sessionStorage so that a session that
 * times out loses nothing: the user logs in again, returns to the same page, and the form opens
 * with its input. Drafts are keyed by user, so one user never sees another's; they are removed when
 * saved or cancelled, at logout, and when someone else logs in in the tab. sessionStorage (not
 * localStorage): the input may be patient data and must not outlive the tab.
 */
import { useCallback, useRef, useState } from "react";

const prefix = "samsyn.utkast.";

function storage(): Storage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    // Storage disabled by the browser: forms work, they just are not kept.
    return null;
  }
}

const keyOf = (userId: string, formKey: string) => `${prefix}${userId}.${formKey}`;

export function readDraft<T>(userId: string, formKey: string): T | undefined {
  const text = storage()?.getItem(keyOf(userId, formKey));
  if (text == null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function writeDraft(userId: string, formKey: string, value: unknown): void {
  try {
    storage()?.setItem(keyOf(userId, formKey), JSON.stringify(value));
  } catch {
    // Full storage: the form keeps working, this one value is not kept.
  }
}

/** Removes the user's drafts whose form key starts with `formPrefix` (a form's fields together). */
export function clearDrafts(userId: string, formPrefix: string): void {
  const store = storage();
  if (!store) return;
  const start = keyOf(userId, formPrefix);
  for (const key of Object.keys(store)) if (key.startsWith(start)) store.removeItem(key);
}

/** Removes every draft in the tab, or every draft but `keepUserId`'s. */
export function clearAllDrafts(keepUserId?: string): void {
  const store = storage();
  if (!store) return;
  const keep = keepUserId === undefined ? null : `${prefix}${keepUserId}.`;
  for (const key of Object.keys(store)) {
    if (key.startsWith(prefix) && (keep === null || !key.startsWith(keep))) store.removeItem(key);
  }
}

/**
 * `useState` whose value is kept as the user's draft under `formKey` until `clearDrafts` (or until
 * it is the initial value again); starts from the kept value when there is one. The third element
 * tells whether it did.
 */
export function useDraftState<T>(
  userId: string,
  formKey: string,
  initial: T,
): [T, (value: T | ((current: T) => T)) => void, boolean] {
  const kept = useRef(readDraft<T>(userId, formKey));
  const start = useRef(JSON.stringify(initial));
  const [value, setValue] = useState<T>(kept.current === undefined ? initial : kept.current);
  const set = useCallback(
    (next: T | ((current: T) => T)) =>
      setValue((current) => {
        const value = typeof next === "function" ? (next as (current: T) => T)(current) : next;
        // Back at the form's start: nothing left to keep.
        if (JSON.stringify(value) === start.current) clearDrafts(userId, formKey);
        else writeDraft(userId, formKey, value);
        return value;
      }),
    [userId, formKey],
  );
  return [value, set, kept.current !== undefined];
}
