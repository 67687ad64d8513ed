import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { boundariesPlugin } from "./lint/boundaries.js";

export default tseslint.config(
  { ignores: ["dist/**", "data/**", "node_modules/**", "drizzle/**", "coverage/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    // Pure domain modules, contracts (schema.ts) and the web app import only what their layer allows.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { samsyn: boundariesPlugin },
    rules: { "samsyn/boundaries": "error" },
  },
  {
    // Time is an input: "now" and "today" come from the one clock (src/dates/clock.ts) or deps.now(),
    // so that SAMSYN_NOW moves all of it. Durations use performance.now(). A wall-clock read that
    // decides nothing (an autosave's "saved at") says so in an eslint-disable comment.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/dates/clock.ts", "src/dates/clock.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "Date",
          property: "now",
          message: "Use clock().now() (src/dates/clock.ts) or deps.now(); performance.now() for durations.",
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Use clock().now() (src/dates/clock.ts) or deps.now(), never the wall clock.",
        },
      ],
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  {
    files: ["scripts/**", "bin/**", "src/cli/**", "bench/**"],
    rules: { "no-console": "off" },
  },
);
