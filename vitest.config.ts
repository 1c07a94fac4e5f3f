import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// The OTel SDK tests load several SDK versions, which register global state (the API's global
// providers): each of those files gets a fresh module graph. Every other file shares its worker's
// modules (isolate: false), which halves the suite's time: module import and transform were about half
// of it. The library keeps no state a test could leak besides its bounded caches, whose contents never
// change a result; `npm test` passes with the files in shuffled order too (vitest --sequence.shuffle).
const ISOLATED = ["test/otel/**/*.test.ts"];

export default defineConfig({
  test: {
    environment: "node",
    // Builds dist/ once: the CLI tests run node dist/cli.js.
    globalSetup: ["test/helpers/build.ts"],
    testTimeout: 30_000,
    // vitest's default is one worker less than the cores: a single worker on a 2-core machine, where a
    // third of the suite waits on child processes (the CLI and server tests). Two workers at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: "shared", include: ["test/**/*.test.ts"], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
