/**
 * The README's "In the app" snippets run for real: the quickstart (an AI SDK call in a
 * NodeTracerProvider with MlflowSpanProcessor configured from MLFLOW_* variables) against the mock
 * provider and a mock MLflow endpoint, and the export-to-another-backend example against a mock OTLP
 * receiver. Each code block is written to a temporary file (imports of the package pointed at src/)
 * and run in its own Node process with tsx.
 */
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockProvider, type MockProvider } from "../../scripts/capture/mock-provider.js";
import { MLFLOW_KEYS } from "../../src/index.js";
import { ROOT } from "../helpers/fixtures.js";
import { startMockMlflow, type MockMlflow } from "./mock-mlflow.js";

const run = promisify(execFile);
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const start = readme.indexOf("## In the app:");
// The section runs to the next top-level heading.
const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
const blocks = (lang: string): string[] => [...section.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);

/** Points the package imports at the sources, as an installed package would resolve them. */
function localise(code: string): string {
  return code
    .replaceAll('"mlflow-semconv/otel"', JSON.stringify(join(ROOT, "src/otel/index.ts")))
    .replaceAll('"mlflow-semconv"', JSON.stringify(join(ROOT, "src/index.ts")));
}

async function runSnippet(name: string, code: string, env: Record<string, string>): Promise<string> {
  const file = join(ROOT, "test/otel", `${name}.tmp.ts`);
  writeFileSync(file, code);
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", file], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
    return stdout;
  } finally {
    rmSync(file, { force: true });
  }
}

let provider: MockProvider;
let mlflow: MockMlflow;
beforeAll(async () => {
  provider = await startMockProvider();
  mlflow = await startMockMlflow();
});
afterAll(async () => {
  await provider.close();
  await mlflow.close();
});

describe("README: In the app", () => {
  it("has the shell set-up, the quickstart and the export example", () => {
    expect(blocks("sh")).toHaveLength(1);
    expect(blocks("ts")).toHaveLength(3);
    expect(blocks("ts")[0]!.trim().split("\n").length).toBeLessThanOrEqual(10);
  });

  it("the quickstart sends the app's LLM spans to MLflow, translated, with the experiment from MLFLOW_EXPERIMENT_ID", async () => {
    mlflow.requests.length = 0;
    // The README's own `export` line gives the variables; only the server address is the mock's.
    const env: Record<string, string> = {};
    for (const m of blocks("sh")[0]!.matchAll(/\b(MLFLOW_[A-Z_]+)=(\S+)/g)) env[m[1]!] = m[2]!;
    expect(env).toEqual({ MLFLOW_TRACKING_URI: "http://localhost:5000", MLFLOW_EXPERIMENT_ID: "0" });
    env["MLFLOW_TRACKING_URI"] = mlflow.url;
    await runSnippet("readme-quickstart", localise(blocks("ts")[0]!), { ...env, OPENAI_BASE_URL: `${provider.origin}/v1`, OPENAI_API_KEY: "sk-fixture-not-a-real-key" });
    const spans = mlflow.spans();
    expect(spans.map((s) => s.name).sort()).toEqual(["ai.generateText", "ai.generateText.doGenerate"]);
    expect(mlflow.requests.every((r) => r.headers["x-mlflow-experiment-id"] === "0")).toBe(true);
    for (const span of spans) {
      for (const key of [MLFLOW_KEYS.spanType, MLFLOW_KEYS.inputs, MLFLOW_KEYS.outputs, MLFLOW_KEYS.tokenUsage]) {
        expect(span.attributes[key], `${span.name} ${key}`).toBeTypeOf("string");
      }
      expect(JSON.parse(span.attributes[MLFLOW_KEYS.outputs] as string)).toMatchObject({
        choices: [{ message: { role: "assistant", content: "The capital of France is Paris." } }],
      });
    }
  });

  it("the export example sends MLflow spans, written in OpenInference, through the stock OTLPTraceExporter", async () => {
    mlflow.requests.length = 0;
    const fixture = join(ROOT, "fixtures/openllmetry/traceloop-openai__chat.otlp.json");
    const code = localise(blocks("ts")[2]!)
      .replace('"traces.json"', JSON.stringify(fixture))
      .replace('"http://localhost:6006/v1/traces"', JSON.stringify(`${mlflow.url}/v1/traces`));
    const stdout = await runSnippet("readme-export", code, {});
    expect(stdout.trim()).toBe("sent");
    const spans = mlflow.spans();
    const source = JSON.parse(readFileSync(fixture, "utf8")) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> };
    expect(spans).toHaveLength(source.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)).length);
    const llm = spans.find((s) => s.attributes["openinference.span.kind"] === "LLM")!;
    expect(llm.attributes).toMatchObject({ "llm.model_name": "gpt-4o-mini-2024-07-18", "llm.input_messages.1.message.content": "What is the capital of France?" });
    expect(Object.keys(llm.attributes).some((k) => k.startsWith("gen_ai.prompt."))).toBe(false);
  });
});
