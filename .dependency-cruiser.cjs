/**
 * Dependency rules, checked by `npm test` (`depcruise src`): the layers of docs/architecture.md point
 * one way, there are no import cycles, and the library core never imports `node:` modules.
 *
 *   internal -> canonical -> otlp, readers -> conventions/<id> -> conventions/index -> schemas, pipeline
 *            -> index, translator -> cli, server, otel, testing
 */
const CORE = "^src/(internal|canonical|readers|otlp|conventions|schemas|pipeline|index\\.ts|translator\\.ts)";
const layer = (name, path, allowed) => ({
  name: `layer-${name}`,
  severity: "error",
  comment: `${path} may import only ${allowed.join(", ")}`,
  from: { path: `^src/${path}` },
  to: { path: "^src/", pathNot: [`^src/${path}`, ...allowed.map((a) => `^src/${a}`)] },
});

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "no import cycles", from: {}, to: { circular: true } },
    {
      name: "core-is-edge-safe",
      severity: "error",
      comment: "the library core runs in edge runtimes: no node: built-ins (only cli, server, otel may use them)",
      from: { path: CORE },
      to: { dependencyTypes: ["core"] },
    },
    layer("internal", "internal/", []),
    layer("canonical", "canonical/", ["internal/"]),
    layer("otlp", "otlp/", ["internal/", "canonical/"]),
    layer("readers", "readers/", ["internal/", "canonical/"]),
    {
      name: "convention-folders-stay-apart",
      severity: "error",
      comment: "a convention folder imports shared code and its own files, never another convention's folder, the registry or anything above",
      from: { path: "^src/conventions/([^/]+)/" },
      to: {
        path: "^src/",
        pathNot: ["^src/conventions/$1/", "^src/conventions/(types|rule-types|losses)\\.ts$", "^src/(internal|canonical|readers)/", "^src/otlp/span-like\\.ts$"],
      },
    },
    {
      name: "losses-stay-out-of-bundles",
      severity: "error",
      comment: "LOSSES (conventions/round-trips.ts) is documentation and a test oracle: no module of src imports it, so no bundle carries the loss texts",
      from: { path: "^src/" },
      to: { path: "^src/conventions/round-trips\\.ts$" },
    },
    layer("schemas", "schemas/", ["internal/", "canonical/", "conventions/"]),
    layer("pipeline", "pipeline/", ["internal/", "canonical/", "otlp/", "readers/", "conventions/"]),
    {
      name: "index-is-the-public-api",
      severity: "error",
      comment: "src/index.ts and src/translator.ts re-export the core; they never reach into cli, server, otel or testing",
      from: { path: "^src/(index|translator)\\.ts$" },
      to: { path: "^src/(cli|server|otel|testing)/" },
    },
    {
      name: "core-does-not-use-the-edges",
      severity: "error",
      comment: "nothing in the core imports the CLI, the server, the SDK integration or the test matchers",
      from: { path: CORE },
      to: { path: "^src/(cli|server|otel|testing)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
