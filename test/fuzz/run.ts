/**
 * Sends hostile requests to the app and checks each answer: never a 5xx, every refusal a Swedish
 * error (naming the field when it is a validation), and a refused request leaves the database as
 * it was (checksum of every table before and after).
 */
import type { Database } from "../../src/db/client.ts";
import type { TestApp } from "../app.ts";
import { answerProblems, type HostileRequest } from "./hostile.ts";
import { databaseChecksum } from "./world.ts";

export interface Outcome {
  status: number;
  problems: string[];
}

export async function exercise(
  testApp: TestApp,
  request: HostileRequest,
  before: string,
): Promise<Outcome & { after: string }> {
  const response = await testApp.app.request(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && request.method !== "GET" && request.method !== "HEAD"
      ? { body: request.body }
      : {}),
  });
  const text = await response.text();
  const problems = answerProblems(response.status, response.headers.get("content-type") ?? "", text);
  const after = await databaseChecksum(testApp.deps.database as Database);
  if (response.status >= 400 && after !== before)
    problems.push(`refused with ${response.status} but wrote to the database`);
  return { status: response.status, problems: problems.map((p) => `${request.label}: ${p}`), after };
}

/** Counts answers by status class, for the report. */
export function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of outcomes) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
