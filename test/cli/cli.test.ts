import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";

function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["dist/cli.js", ...args], { cwd: ROOT, encoding: "utf8", input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const request = (name: string) =>
  JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ name, attributes: [{ key: "mlflow.spanType", value: { stringValue: '"TOOL"' } }] }] }] }] });

describe("mlflow-semconv CLI", () => {
  it("inspect prints one row per span and a summary", () => {
    const { code, stdout } = cli(["inspect", "fixtures/none"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^file\s+span\s+conventions\s+type\s+status\s+tokens in\/out\/total\s+input → output$/);
    expect(lines.filter((l) => l.startsWith("http__requests"))).toHaveLength(6);
    expect(lines.at(-1)).toBe("6 spans: UNKNOWN 6");
  });

  it("convert streams JSON Lines from stdin, one MLflow span per line", () => {
    const { code, stdout } = cli(["convert", "-"], `${request("a")}\n${request("b")}\n`);
    expect(code).toBe(0);
    const spans = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(spans.map((s) => [s.name, s.attributes["mlflow.spanType"]])).toEqual([
      ["a", '"TOOL"'],
      ["b", '"TOOL"'],
    ]);
  });

  it("convert --to canonical --out writes MlflowSpan objects to a file", () => {
    const dir = mkdtempSync(join(tmpdir(), "mlflow-semconv-"));
    const input = join(dir, "in.json");
    writeFileSync(input, JSON.stringify(JSON.parse(request("pretty")), null, 2));
    const out = join(dir, "out.jsonl");
    expect(cli(["convert", input, "--to", "canonical", "--out", out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ name: "pretty", spanType: "TOOL", conventions: ["mlflow"] });
  });

  it("convert joins the sibling x.logs.json (GenAI content written as log records), also to every line of a JSON Lines file", () => {
    const trace = "fixtures/genai/otel-openai__chat.otlp.json";
    const messagesOf = (stdout: string) => stdout.trim().split("\n").map((l) => JSON.parse(l)).map((s) => s.inputs?.messages);
    const single = cli(["convert", trace, "--to", "canonical"]);
    expect(single.code).toBe(0);
    const expected = [
      { role: "system", content: "You are a concise assistant. Answer in one sentence." },
      { role: "user", content: "What is the capital of France?" },
    ];
    expect(messagesOf(single.stdout)).toEqual([expected]);
    const dir = mkdtempSync(join(tmpdir(), "mlflow-semconv-"));
    const lines = join(dir, "x.otlp.json");
    const doc = JSON.stringify(JSON.parse(readFileSync(join(ROOT, trace), "utf8")));
    writeFileSync(lines, `${doc}\n${doc}\n`);
    writeFileSync(join(dir, "x.logs.json"), readFileSync(join(ROOT, "fixtures/genai/otel-openai__chat.logs.json")));
    const jsonl = cli(["convert", lines, "--to", "canonical"]);
    expect(jsonl.code).toBe(0);
    expect(messagesOf(jsonl.stdout)).toEqual([expected, expected]);
  });

  it.each([
    [["convert", "missing.json"], /missing\.json: no such file/],
    [["convert", "-", "--to", "zipkin"], /--to must be/],
    [["convert"], /exactly one input/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("usage and input errors exit 2 with a message: %j", (args, message) => {
    const { code, stderr } = cli(args as string[], "");
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("names the broken line of a JSON Lines file", () => {
    const { code, stderr } = cli(["convert", "-"], `${request("a")}\n{"resourceSpans": {}}\n`);
    expect(code).toBe(2);
    expect(stderr).toContain("mlflow-semconv: -:2: resourceSpans: expected an array");
  });
});

describe("inspect --format json", () => {
  it("one row per span with status, ids, token usage and preview, and the counts", () => {
    const { code, stdout } = cli(["inspect", "fixtures/genai/otel-openai__chat-error.otlp.json", "fixtures/genai/otel-openai__chat.otlp.json", "--format", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.spans.map((r: { type: string; status: string }) => [r.type, r.status])).toEqual([
      ["CHAT_MODEL", "ERROR"],
      ["CHAT_MODEL", "UNSET"],
    ]);
    expect(report.spans[1]).toMatchObject({
      file: "fixtures/genai/otel-openai__chat.otlp.json",
      line: null,
      traceId: "547ba022eee4051c44d163103e010b0d",
      spanId: "0d49b97419a40d3d",
      conventions: ["genai"],
      tokenUsage: { input_tokens: 26, output_tokens: 12, total_tokens: 38 },
    });
    expect(report.summary).toEqual({ spans: 2, byType: { CHAT_MODEL: 2 }, unreadable: 0 });
  });
});
