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
    // mlflow-semconv/translator for ESM bundlers: one file per source module, not bundled, so that a
    // bundler (sideEffects: false) keeps only the readers a program passes to createTranslator. A flat
    // chunk would not do: its module-level tables and checks cannot be dropped one by one. The CommonJS
    // build and the types of this subpath come from the library build above.
    entry: ["src/translator.ts", "src/{internal,canonical,readers,otlp,conventions,pipeline}/**/*.ts"],
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
