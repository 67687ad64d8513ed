/**
 * Swedish messages for every validation failure a schema does not word itself. Installed as zod's
 * global error map, so no English default ever reaches a user; each names the field it is about.
 * A schema's own message (`z.iso.date({ error: "Ange … som ÅÅÅÅ-MM-DD." })`) still wins.
 */
import { z } from "@hono/zod-openapi";
import type { core } from "zod";

type Issue = core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  string: "en text",
  number: "ett tal",
  int: "ett heltal",
  bigint: "ett heltal",
  boolean: "sant eller falskt",
  array: "en lista",
  object: "ett objekt",
  date: "ett datum",
  null: "tomt (null)",
};

const formatNames: Record<string, string> = {
  date: "ett datum som ÅÅÅÅ-MM-DD",
  datetime: "en tidpunkt (ISO 8601)",
  uuid: "ett giltigt id",
  email: "en e-postadress",
  url: "en webbadress",
  regex: "i rätt format",
};

const number = (n: number | bigint) => (typeof n === "bigint" ? n.toString() : n.toLocaleString("sv-SE"));

/** `content.diagnoser.0.kod` → «content.diagnoser.0.kod»; the root is the request itself. */
export function fieldName(path: readonly PropertyKey[] | undefined): string {
  return path && path.length > 0 ? `Fältet «${path.map(String).join(".")}»` : "Begäran";
}

function sizeMessage(issue: Issue & { code: "too_big" | "too_small" }): string {
  const field = fieldName(issue.path);
  const big = issue.code === "too_big";
  const limit = big ? issue.maximum : issue.minimum;
  const bound = big ? (issue.inclusive ? "högst" : "färre än") : issue.inclusive ? "minst" : "fler än";
  switch (issue.origin) {
    case "string":
      if (!big && Number(limit) === 1) return `${field} får inte vara tomt.`;
      return `${field} ska ha ${bound} ${number(limit)} tecken.`;
    case "array":
    case "set":
      if (!big && Number(limit) === 1) return `${field} ska ha minst en rad.`;
      return `${field} ska ha ${bound} ${number(limit)} rader.`;
    default: {
      const word = big ? (issue.inclusive ? "högst" : "mindre än") : issue.inclusive ? "minst" : "större än";
      return `${field} ska vara ${word} ${number(limit)}.`;
    }
  }
}

export function swedishMessage(issue: Issue): string {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${field} saknas.`;
      return `${field} ska vara ${typeNames[issue.expected] ?? "av en annan typ"}.`;
    case "too_big":
    case "too_small":
      return sizeMessage(issue);
    case "invalid_format":
      return `${field} ska vara ${formatNames[issue.format] ?? "i rätt format"}.`;
    case "not_multiple_of":
      return `${field} ska vara en multipel av ${number(issue.divisor)}.`;
    case "unrecognized_keys":
      return `Okänt fält: ${issue.keys.join(", ")}.`;
    case "invalid_value":
      return issue.values.length === 1
        ? `${field} ska vara ${String(issue.values[0])}.`
        : `${field} ska vara ett av: ${issue.values.map(String).join(", ")}.`;
    case "invalid_key":
      return `${field} har ett ogiltigt fältnamn.`;
    case "invalid_element":
      return `${field} har ett ogiltigt värde.`;
    case "invalid_union":
    case "custom":
    default:
      return `${field} är inte giltigt.`;
  }
}

/** Once per process: zod keeps one global configuration. */
export function installSwedishMessages() {
  z.config({ customError: swedishMessage });
}
