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
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  {
    files: ["scripts/**", "bin/**", "src/cli/**", "bench/**"],
    rules: { "no-console": "off" },
  },
);
