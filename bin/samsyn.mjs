#!/usr/bin/env node
// `samsyn …` (npx samsyn from the project root). Node 24 runs the TypeScript sources directly.
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  console.error(
    `samsyn needs Node.js 24 or later (this is ${process.version}). Run it as "npx samsyn" from the project, which uses the project's Node.`,
  );
  process.exit(2);
}

const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
