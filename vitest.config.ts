import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Builds dist/ once: the CLI tests run node dist/cli.js.
    globalSetup: ["test/helpers/build.ts"],
    testTimeout: 30_000,
  },
});
