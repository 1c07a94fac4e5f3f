import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM first, CJS for require() users, with types for both.
    entry: { index: "src/index.ts", schemas: "src/schemas/index.ts", vitest: "src/testing/vitest.ts" },
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
    // The command line tool; it may use node: modules, the library may not.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap: true,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
