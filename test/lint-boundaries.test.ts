/**
 * The import boundaries (lint/boundaries.js) fire through the project's own ESLint config: each
 * forbidden import below is linted as if it were written in that file, and must be an error.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "samsyn/boundaries" && m.severity === 2)
    .map((m) => m.message);
}

describe("import boundaries", () => {
  it("refuses database code in a pure module", async () => {
    const errors = await boundaryErrors(
      "src/cases/engine.ts",
      'import { openDatabase } from "../db/client.ts";\nexport const x = openDatabase;\n',
    );
    expect(errors).toEqual([expect.stringContaining("src/db/client.ts")]);
  });

  it("refuses a store, a route file and an I/O package in the certificate rules", async () => {
    const errors = await boundaryErrors(
      "src/certificates/rules/validate.ts",
      [
        'import { certificatesOfPatient } from "../store.ts";',
        'import { certificateRoutes } from "../routes.ts";',
        'import { readFileSync } from "node:fs";',
        'import { eq } from "drizzle-orm";',
        "export const all = [certificatesOfPatient, certificateRoutes, readFileSync, eq];",
      ].join("\n"),
    );
    expect(errors).toHaveLength(4);
  });

  it("lets a pure module import another pure module", async () => {
    const errors = await boundaryErrors(
      "src/tasks/rules.ts",
      'import { addDays } from "../cases/days.ts";\nexport const x = addDays;\n',
    );
    expect(errors).toEqual([]);
  });

  it("refuses storage and HTTP code in a contract", async () => {
    const errors = await boundaryErrors(
      "src/tasks/schema.ts",
      'import { listTasks } from "./store.ts";\nimport { Hono } from "hono";\nexport const x = [listTasks, Hono];\n',
    );
    expect(errors).toHaveLength(2);
  });

  it("refuses server code in the web app", async () => {
    const errors = await boundaryErrors(
      "src/web/tasks/TasksPage.tsx",
      [
        'import { listTasks } from "../../tasks/store.ts";',
        'import { taskRoutes } from "../../tasks/routes.ts";',
        'import { errors } from "../../server/errors.ts";',
        'import { sql } from "drizzle-orm";',
        "export const all = [listTasks, taskRoutes, errors, sql];",
      ].join("\n"),
    );
    expect(errors).toHaveLength(4);
  });

  it("lets the web app take a contract's types, never its values", async () => {
    const typeOnly = await boundaryErrors(
      "src/web/api/tasks.ts",
      'import type { taskSchema } from "../../tasks/schema.ts";\nexport type T = typeof taskSchema;\n',
    );
    expect(typeOnly).toEqual([]);
    const value = await boundaryErrors(
      "src/web/api/tasks.ts",
      'import { taskSchema } from "../../tasks/schema.ts";\nexport const s = taskSchema;\n',
    );
    expect(value).toEqual([expect.stringContaining('"import type"')]);
  });

  it("lets the web app import pure modules", async () => {
    const errors = await boundaryErrors(
      "src/web/tasks/TasksPage.tsx",
      'import { taskKinds } from "../../tasks/rules.ts";\nexport const k = taskKinds;\n',
    );
    expect(errors).toEqual([]);
  });
});
