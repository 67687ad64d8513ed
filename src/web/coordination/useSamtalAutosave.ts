/**
 * The kartläggande samtal draft on the shared autosave (components/useAutosave.ts): only the
 * fields that differ from what is saved are sent (dates once they are whole dates), and a samtal
 * completed elsewhere stops autosaving.
 */
import { useCallback } from "react";
import { isApiError } from "../api/client.ts";
import { saveSamtal, type Samtal, type SamtalFields } from "../api/coordination.ts";
import { useAutosave } from "../components/useAutosave.ts";
import { applyFields, changedFields, draftOf, type SamtalDraft, type SamtalField } from "./samtalDraft.ts";

export const autosaveDelayMs = 1000;

export function useSamtalAutosave(samtal: Samtal) {
  const autosave = useAutosave<SamtalDraft, SamtalDraft, SamtalFields, Samtal, Samtal>({
    initial: samtal,
    delayMs: autosaveDelayMs,
    draftOf,
    baseOf: draftOf,
    changes: (draft, saved) => {
      const fields = changedFields(draft, saved);
      return Object.keys(fields).length === 0 ? null : fields;
    },
    send: (fields, version) => saveSamtal(samtal.id, version, fields),
    rebase: (saved, fields) => applyFields(saved, fields),
    stops: (error) => isApiError(error) && error.code === "SAMTAL_COMPLETED",
  });
  const { update: change } = autosave;
  const update = useCallback(
    <K extends SamtalField>(field: K, value: SamtalDraft[K]) =>
      change((current) => ({ ...current, [field]: value })),
    [change],
  );
  return { ...autosave, update };
}
