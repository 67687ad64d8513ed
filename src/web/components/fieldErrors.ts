/** Server validation issues of a failed mutation, per form field. */
import { ApiError } from "../api/client.ts";

export function fieldErrors<Field extends string>(
  error: unknown,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  const result: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const message = error.issueFor(field);
    if (message) result[field] = message;
  }
  return result;
}

/** True when every issue of the error belongs to one of the fields (no general message needed). */
export function onlyFieldIssues(error: unknown, fields: readonly string[]): boolean {
  return (
    error instanceof ApiError &&
    error.issues.length > 0 &&
    error.issues.every((issue) => fields.some((f) => issue.path === f || issue.path.endsWith(`.${f}`)))
  );
}
