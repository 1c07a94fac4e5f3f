/**
 * The published shape: `npm run build` emits ESM, CJS and type declarations that load in a plain
 * Node ESM import and a CJS require (through the package's own `exports` map), and the CLI runs.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledInputs } from "../helpers/bundle.js";
import { ROOT } from "../helpers/fixtures.js";

const node = process.execPath;
const run = (args: string[], input?: string) => execFileSync(node, args, { cwd: ROOT, encoding: "utf8", input });

describe("built package", () => {
  // dist/ is built once for the whole suite by test/helpers/build.ts (vitest globalSetup).

  it("emits ESM, CJS and declarations for both", () => {
    for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "vitest.js", "vitest.cjs", "vitest.d.ts", "otel.js", "otel.cjs", "otel.d.ts", "otel.d.cts", "translator.d.ts", "translator.d.cts", "translator.cjs", "esm/translator.js", "esm/index.js", "cli.js"]) {
      expect(existsSync(join(ROOT, "dist", file)), file).toBe(true);
    }
  });

  it("imports from a plain ESM script and translates a span", () => {
    const out = run([
      "--input-type=module",
      "-e",
      `import { toMlflowSpan, toMlflowAttributes } from "mlflow-semconv";
       const s = toMlflowSpan({ attributes: { "mlflow.spanType": '"LLM"' } });
       console.log(s.spanType, toMlflowAttributes(s)["mlflow.spanType"]);`,
    ]);
    expect(out.trim()).toBe('LLM "LLM"');
  });

  it("requires from CommonJS", () => {
    const out = run([
      "-e",
      `const m = require("mlflow-semconv");
       console.log(typeof m.toMlflowSpan, typeof m.decodeOtlpJson, m.SPAN_TYPES.length);`,
    ]);
    expect(out.trim()).toBe("function function 15");
  });

  it("exposes the test matchers under mlflow-semconv/vitest to ESM and CJS", () => {
    const esm = run(["--input-type=module", "-e", `import { mlflowMatchers } from "mlflow-semconv/vitest"; console.log(typeof mlflowMatchers.toTranslateToMlflow);`]);
    const cjs = run(["-e", `console.log(typeof require("mlflow-semconv/vitest").mlflowMatchers.toTranslateToMlflow);`]);
    expect([esm.trim(), cjs.trim()]).toEqual(["function", "function"]);
  });

  it("exposes the OTel SDK pieces under mlflow-semconv/otel to ESM and CJS, loading the SDK peers from the app", () => {
    const script = (load: string) => `${load}
      const exporter = new MlflowExporter({ trackingUri: "http://127.0.0.1:1/", experimentId: "7" });
      const processor = new MlflowSpanProcessor({ exporter, mode: "simple" });
      const span = toReadableSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "m" } }, { to: "mlflow" });
      console.log(exporter.config.url, exporter.config.headers["x-mlflow-experiment-id"], typeof processor.onEnd, span.attributes["mlflow.spanType"]);`;
    const esm = run(["--input-type=module", "-e", script(`import { MlflowExporter, MlflowSpanProcessor, toReadableSpan } from "mlflow-semconv/otel";`)]);
    const cjs = run(["-e", script(`const { MlflowExporter, MlflowSpanProcessor, toReadableSpan } = require("mlflow-semconv/otel");`)]);
    expect([esm.trim(), cjs.trim()]).toEqual(Array(2).fill('http://127.0.0.1:1/v1/traces 7 function "CHAT_MODEL"'));
  });

  it("exposes createTranslator under mlflow-semconv/translator to ESM and CJS", () => {
    const script = (load: string) => `${load}
      const t = createTranslator({ conventions: [genaiReader, mlflowReader] });
      const s = t.toMlflowSpan({ attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "m" } });
      console.log(t.conventions.join(), s.spanType, toMlflowAttributes(s)["mlflow.spanType"]);`;
    const esm = run(["--input-type=module", "-e", script(`import { createTranslator, genaiReader, mlflowReader, toMlflowAttributes } from "mlflow-semconv/translator";`)]);
    const cjs = run(["-e", script(`const { createTranslator, genaiReader, mlflowReader, toMlflowAttributes } = require("mlflow-semconv/translator");`)]);
    expect([esm.trim(), cjs.trim()]).toEqual(Array(2).fill('mlflow,genai CHAT_MODEL "CHAT_MODEL"'));
  });

  it("mlflow-semconv/translator (ESM, one file per module) bundles only the readers a program passes", async () => {
    // Through the package's exports map, as a user's bundler resolves it.
    const inputs = await bundledInputs(
      `import { createTranslator, genaiReader, mlflowReader } from "mlflow-semconv/translator";
       export const t = createTranslator({ conventions: [genaiReader, mlflowReader] });`,
    );
    const folders = new Set(inputs.flatMap((p) => /^dist\/esm\/conventions\/([^/]+)\//.exec(p)?.[1] ?? []));
    expect([...folders].sort()).toEqual(["genai", "mlflow"]);
  });

  it.each(["neutral", "node"] as const)("the main entry (ESM, one file per module, for bundlers) keeps only what a program uses (platform %s)", async (platform) => {
    // Through the package's exports map, as a bundler resolves it: the "module" condition comes before
    // "node", so a bundle for a Node server (esbuild --platform=node, webpack, Vite SSR) shakes too.
    const folders = (inputs: string[]) => [...new Set(inputs.flatMap((p) => /^dist\/esm\/conventions\/([^/]+)\//.exec(p)?.[1] ?? []))].sort();
    const decoder = await bundledInputs(`export { decodeOtlpJson, decodeOtlpProtobuf } from "mlflow-semconv";`, platform);
    expect(decoder.every((p) => p.startsWith("dist/esm/"))).toBe(true);
    expect(folders(decoder)).toEqual([]);
    const translation = await bundledInputs(`export { toMlflowSpan, toMlflowAttributes } from "mlflow-semconv";`, platform);
    expect(folders(translation)).toHaveLength(16);
    expect(translation.filter((p) => /^dist\/esm\/conventions\/[^/]+\/(emit|rules|losses|index)\.js$/.test(p))).toEqual([]);
  });

  it("Node's own import loads the flat files, where the main entry and mlflow-semconv/translator share one copy of the core", () => {
    const out = run([
      "--input-type=module",
      "-e",
      `import { readFileSync } from "node:fs";
       const main = import.meta.resolve("mlflow-semconv"), sub = import.meta.resolve("mlflow-semconv/translator");
       const chunks = (url) => new Set([...readFileSync(new URL(url), "utf8").matchAll(/from '(\\.\\/chunk-[\\w-]+\\.js)'/g)].map((m) => m[1]));
       const shared = [...chunks(sub)].filter((c) => chunks(main).has(c));
       console.log(main.replace(/^.*\\/dist\\//, "dist/"), sub.replace(/^.*\\/dist\\//, "dist/"), shared.length > 0);`,
    ]);
    expect(out.trim()).toBe("dist/index.js dist/translator.js true");
  });

  it("mlflow-semconv/schemas (zod/mini) prints English messages, unless the program chose a locale first", () => {
    const parse = `const { MlflowSpanSchema } = await import("mlflow-semconv/schemas");
      console.log(MlflowSpanSchema.safeParse({}).error.issues[0].message);`;
    const english = run(["--input-type=module", "-e", parse]);
    const chosen = run(["--input-type=module", "-e", `import * as z from "zod/mini"; z.config({ localeError: () => "chosen" }); ${parse}`]);
    expect([english.trim(), chosen.trim()]).toEqual(["Invalid input: expected string, received undefined", "chosen"]);
  });

  it("keeps node: imports out of the library bundle", () => {
    const esm = run(["-e", `process.stdout.write(require("fs").readFileSync("dist/index.js", "utf8"))`]);
    expect(esm).not.toMatch(/from ["']node:/);
  });

  it("runs the CLI from dist", () => {
    expect(run(["dist/cli.js", "--version"]).trim()).toMatch(/^\d+\.\d+\.\d+/);
    const lines = run(["dist/cli.js", "convert", "fixtures/none/http__requests.otlp.json"]).trim().split("\n");
    expect(lines).toHaveLength(6);
    expect(JSON.parse(lines[0]!).attributes["mlflow.spanType"]).toBe('"UNKNOWN"');
  });
});
