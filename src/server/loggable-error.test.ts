import { describe, expect, it } from "vitest";
import { describeError, loggableError } from "./loggable-error.ts";

describe("loggable errors", () => {
  const cause = Object.assign(new Error("duplicate key value violates unique constraint"), {
    code: "23505",
    detail: "Key (unit_id, personnummer)=(U1, 199001012380) already exists.",
  });
  const failed = new Error("Failed query: insert into patient values ($1)\nparams: 199001012380", { cause });

  it("keeps names, messages and codes but never a query's text, parameters or detail", () => {
    const logged = JSON.stringify(loggableError(failed));
    expect(logged).not.toContain("199001012380");
    expect(logged).not.toContain("insert into");
    expect(loggableError(failed)).toMatchObject({
      name: "Error",
      message: expect.stringContaining("withheld"),
      cause: { message: "duplicate key value violates unique constraint", code: "23505" },
    });
    expect(describeError(failed)).not.toContain("199001012380");
    expect(describeError(failed)).toContain("caused by Error: duplicate key value");
  });

  it("keeps the stack frames, not the stack's message line", () => {
    expect(loggableError(failed).stack).toMatch(/^\s+at /);
  });
});
