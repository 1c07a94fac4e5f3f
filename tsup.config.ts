import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM first, CJS for require() users, with types for both. `translator` is the entry
    // where a server chooses the conventions it reads (src/translator.ts).
    entry: { index: "src/index.ts", translator: "src/translator.ts", schemas: "src/schemas/index.ts", vitest: "src/testing/vitest.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    // mlflow-semconv/otel: the OTel SDK pieces. Node only (it loads the optional SDK peers with
    // createRequire); `shims` gives the CommonJS build an import.meta.url. The SDK packages are peers,
    // never bundled.
    entry: { otel: "src/otel/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "node20",
    platform: "node",
    shims: true,
    treeshake: true,
  },
  {
    // The main entry and mlflow-semconv/translator for ESM bundlers: one file per source module, not
    // bundled, so that a bundler (sideEffects: false) keeps only what a program uses (the readers it
    // passes to createTranslator; no convention at all for decodeOtlpJson alone). A flat chunk would
    // not do: its module-level tables and checks cannot be dropped one by one. Node's own `import` of
    // the main entry gets the flat dist/index.js (the "node" condition): loading some 240 files costs
    // about 80 ms more. The CommonJS builds and the types come from the library build above.
    entry: ["src/index.ts", "src/translator.ts", "src/{internal,canonical,readers,otlp,conventions,pipeline}/**/*.ts"],
    outDir: "dist/esm",
    format: ["esm"],
    bundle: false,
    sourcemap: true,
    target: "es2022",
    platform: "neutral",
  },
  {
    // The command line tool; it may use node: modules, the library may not.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap: true,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
