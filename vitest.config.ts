import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Builds dist/ once: the CLI tests run node dist/cli.js.
    globalSetup: ["test/helpers/build.ts"],
    testTimeout: 30_000,
    // vitest's default is one worker less than the cores: a single worker on a 2-core machine, where a
    // third of the suite waits on child processes (the CLI and server tests). Two workers at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
