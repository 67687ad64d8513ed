import { defineConfig } from "vitest/config";

// Browser end-to-end tests: the real server with the demo region, driven through Chromium.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.browser.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    // One server, one browser at a time: the tests share the demo region and 2 cores.
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
