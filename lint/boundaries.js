/**
 * Import boundaries between Samsyn's layers, as an ESLint rule (`samsyn/boundaries`).
 *
 * - Pure modules (domain rules, the sjukfall engine, calendar days, reference lookups) do no I/O:
 *   they import only other pure modules and no storage, HTTP, web or Node I/O package. They run in
 *   the server, the browser and the CLI alike.
 * - Contract modules (each area's schema.ts) describe requests and responses: zod plus pure modules.
 * - The web app (src/web) imports, from outside src/web, only pure modules, and contract modules
 *   with `import type` (erased from the bundle; the web app derives its types from them).
 *
 * Paths are matched relative to the repository root, so the same list serves every file.
 */
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Modules without I/O. A module listed here may import only modules listed here. */
export const pureModules = [
  /^src\/dates\/[^/]+\.ts$/,
  /^src\/[a-z-]+\/rules\.ts$/,
  /^src\/certificates\/rules\/[^/]+\.ts$/,
  /^src\/cases\/(case-build|case-link|certificate-schema|checkpoints|counting|days|engine|grouping|json-items|length|options|patient-index|reference-model|settings|signed|types)\.ts$/,
  /^src\/certificates\/(as-sjukfall|content|print-content|workflow)\.ts$/,
  /^src\/arenden\/inbound\.ts$/,
  /^src\/access\/(actor|policy)\.ts$/,
  /^src\/patients\/identity\.ts$/,
  /^src\/worklist\/risk\.ts$/,
  /^src\/statistics\/(arende-input|definitions|diagnosis|doctors|equality|further|komplettering-follow-up|kompletteringar|long-cases|new-cases|ongoing|periods|sex|signing-day|sjuktal|split|statistics|suppression)\.ts$/,
  /^src\/statistics\/row-suppression\.ts$/,
  /^src\/annual-report\/periods\.ts$/,
  /^src\/reference\/icd10\/(codes|icd10|parse|search)\.ts$/,
  /^src\/reference\/fmb\/fmb\.ts$/,
  /^src\/reference\/icd10\/[^/]+\.txt$/,
];

/** The single description of an area's requests and responses. */
export const contractModules = [/^src\/[a-z-]+\/schema\.ts$/, /^src\/certificates\/http-schema\.ts$/];

/** src/db/schema.ts is the database schema, not an HTTP contract. */
const notContract = [/^src\/db\//];

/** Packages that do I/O, serve HTTP or render: never in a pure or contract module. */
const ioPackages =
  /^(node:|fs$|path$|http$|drizzle-orm|drizzle-kit|pg$|@electric-sql\/|hono($|\/)|@hono\/node-server|pino|openid-client|pdfmake|write-excel-file|csv-parse|react|@mantine\/|@tanstack\/)/;
/** Server-side packages the browser bundle must not pull in. */
const serverPackages =
  /^(node:|fs$|path$|http$|drizzle-orm|drizzle-kit|pg$|@electric-sql\/|hono($|\/)|@hono\/|pino|openid-client|pdfmake|write-excel-file|csv-parse)/;

const matches = (patterns, file) => patterns.some((p) => p.test(file));
const isPure = (file) => matches(pureModules, file);
const isContract = (file) => matches(contractModules, file) && !matches(notContract, file);
const isTest = (file) => /\.test\.tsx?$/.test(file) || /(^|\/)test-[^/]+\.ts$/.test(file);

/** The kind of a source file, or null when the rule has nothing to say about it. */
export function layerOf(file) {
  if (isTest(file)) return null;
  if (file.startsWith("src/web/")) return "web";
  if (isContract(file)) return "contract";
  if (isPure(file)) return "pure";
  return null;
}

/** Why `source` may not be imported from `file` (repository-relative), or null when it may. */
export function violation(file, source, typeOnly) {
  const layer = layerOf(file);
  if (!layer) return null;
  if (!source.startsWith(".")) {
    const banned = layer === "web" ? serverPackages : ioPackages;
    if (!banned.test(source)) return null;
    return layer === "web"
      ? `The web app may not import the server package "${source}".`
      : `A ${layer} module may not import "${source}": it does I/O, serves HTTP or renders.`;
  }
  const target = path
    .relative(root, path.resolve(root, path.dirname(file), source.replace(/\?.*$/, "")))
    .split(path.sep)
    .join("/");
  if (layer === "web") {
    if (target.startsWith("src/web/") || isPure(target)) return null;
    if (isContract(target)) {
      return typeOnly
        ? null
        : `Import the contract ${target} with "import type": the web app takes only its types.`;
    }
    return `The web app may import only pure modules from outside src/web, not ${target}.`;
  }
  if (isPure(target)) return null;
  if (layer === "contract" && isContract(target)) return null;
  return `A ${layer} module may import only pure modules${layer === "contract" ? " and contracts" : ""}, not ${target}.`;
}

function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === "type" || s.exportKind === "type");
}

export const boundariesRule = {
  meta: {
    type: "problem",
    docs: { description: "Pure, contract and web modules import only what their layer allows" },
    schema: [],
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    if (!layerOf(file)) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== "string") return;
      const message = violation(file, node.source.value, isTypeOnly(node));
      if (message) context.report({ node: node.source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: (node) => {
        if (node.source.type === "Literal") check({ source: node.source });
      },
    };
  },
};

export const boundariesPlugin = { rules: { boundaries: boundariesRule } };
