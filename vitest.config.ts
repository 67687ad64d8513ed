import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["**/*.browser.test.ts", "node_modules/**"],
    globalSetup: ["test/global-setup.ts"],
    // One PGlite per worker costs ~700 MB and a core: two workers on these 2-core machines.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
