/**
 * The CLI as a process on the captured fixtures: what a CI job sees (stdout, stderr, exit code).
 * The processes run concurrently; each one runs node dist/cli.js, as users do.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `mlflow-semconv <args>` with no shell, so a pattern reaches the CLI unexpanded, as from CI YAML. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["dist/cli.js", ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const STREAM = "fixtures/openinference/openinference-openai__chat-stream.otlp.json";
const STREAM_TRACE = "967f1c0a9285fa5915b68ea15f301b5b";
const STREAM_SPAN = `span "OpenAI Chat Completions" (9f9390a9a0d69375) in trace ${STREAM_TRACE}`;
const USAGE_HINT = "the translated CHAT_MODEL span has no tokenUsage; add llm.token_count.prompt and llm.token_count.completion (openinference)";

/** The one CI line of the README, as its arguments after the command name. */
function readmeCiLine(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const line = /^npx mlflow-semconv (validate traces\/\*\.json .*)$/m.exec(readme)?.[1];
  expect(line, "the README shows the CI line").toBeDefined();
  return line!.split(" ");
}

describe.concurrent("mlflow-semconv validate on the fixtures", () => {
  it("the README's CI line passes on agent and workflow traces (no tokenUsage asked of tool/agent/chain/task spans)", async () => {
    const [command, pattern, ...options] = readmeCiLine();
    expect([command, pattern, ...options]).toEqual(["validate", "traces/*.json", "--require", "inputs,outputs,tokenUsage", "--format", "github"]);
    const files = ["fixtures/openinference/openinference-core__agent.otlp.json", "fixtures/openllmetry/traceloop-sdk__agent-workflow.otlp.json"];
    const { code, stdout, stderr } = await cli(command!, ...files, ...options);
    expect(stderr).toBe("");
    expect(stdout).not.toMatch(/^::error/m);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("11 spans in 2 file(s): 0 error(s), 0 warning(s), 0 info");
    expect(code).toBe(0);
  });

  it("text: findings grouped by file and span, naming the attribute to add; exit 1 on the error", async () => {
    const { code, stdout } = await cli("validate", STREAM, "--require", "tokenUsage");
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        STREAM,
        `  span "OpenAI Chat Completions" (9f9390a9a0d69375, trace ${STREAM_TRACE})`,
        // Errors first.
        `    error   missing-field [tokenUsage]: ${USAGE_HINT}`,
        "    warning attribute-recommended [llm.token_count.prompt]: openinference span without llm.token_count.prompt; the convention marks it recommended (token usage and cost)",
        "    warning attribute-recommended [llm.token_count.completion]: openinference span without llm.token_count.completion; the convention marks it recommended (token usage and cost)",
        "",
        "2 spans in 1 file(s): 1 error(s), 2 warning(s), 1 info",
        "by convention: none 1, openinference 1",
        "by code: attribute-recommended 2, missing-field 1, no-convention 1",
        "",
      ].join("\n"),
    );
  });

  it("json: every finding with its file, span name and id, key and message", async () => {
    const { code, stdout } = await cli("validate", STREAM, "--require", "tokenUsage", "--format", "json", "--show", "info");
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ files: 1, spans: 2, unreadable: 0, bySeverity: { error: 1, warning: 2, info: 1 } });
    expect(report.findings).toContainEqual({
      code: "missing-field",
      severity: "error",
      key: "tokenUsage",
      message: USAGE_HINT,
      spanName: "OpenAI Chat Completions",
      spanId: "9f9390a9a0d69375",
      traceId: STREAM_TRACE,
      file: STREAM,
    });
    expect(report.findings).toContainEqual(expect.objectContaining({ code: "no-convention", severity: "info", spanName: "POST", file: STREAM }));
    expect(report.inputErrors).toEqual([]);
  });

  it("github: one annotation per finding naming the file, the span and the key", async () => {
    const { code, stdout } = await cli("validate", STREAM, "--require", "tokenUsage", "--format", "github");
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toContain(`::error file=${STREAM},title=missing-field::${STREAM_SPAN} tokenUsage: ${USAGE_HINT}`);
    expect(lines).toContain(
      `::warning file=${STREAM},title=attribute-recommended::${STREAM_SPAN} llm.token_count.prompt: openinference span without llm.token_count.prompt; the convention marks it recommended (token usage and cost)`,
    );
    expect(lines.filter((l) => l.startsWith("::"))).toHaveLength(3);
    expect(lines.at(-1)).toBe("2 spans in 1 file(s): 1 error(s), 2 warning(s), 1 info");
  });

  it("markdown: counts per code and a row per finding", async () => {
    const { code, stdout } = await cli("validate", STREAM, "--require", "tokenUsage", "--format", "markdown");
    expect(code).toBe(1);
    expect(stdout).toContain("### mlflow-semconv validate\n\n2 spans in 1 file(s): 1 error(s), 2 warning(s), 1 info\n");
    const md = (text: string) => text.replace(/_/g, "\\_");
    expect(stdout).toContain("| missing-field | 1 |\n");
    expect(stdout).toContain(`| error | missing-field | ${md(STREAM)} |  | ${STREAM_TRACE} | OpenAI Chat Completions | tokenUsage | ${md(USAGE_HINT)} |\n`);
    expect(stdout).toContain(`| warning | attribute-recommended | ${md(STREAM)} |  | ${STREAM_TRACE} | OpenAI Chat Completions | llm.token\\_count.completion |`);
  });

  it.each([
    // An embedding, a retriever and a reranker record their outputs in their own lists: no false warning.
    [["fixtures/openinference/openinference-core__rag.otlp.json", "--fail-on", "warning"], 0],
    // ... but its embedding span does lack token counts.
    [["fixtures/openinference/openinference-core__rag.otlp.json", "--require", "tokenUsage"], 1],
    [["fixtures/openinference/openinference-core__rag.otlp.json", "--require", "inputs,outputs,spanType"], 0],
    // Failed calls are not asked for outputs or usage.
    [["fixtures/genai/otel-openai__chat-error.otlp.json", "fixtures/vercel-ai/vercel-ai__generate-text-error.otlp.json", "--require", "inputs,outputs,tokenUsage,model"], 0],
    [["fixtures/openinference/openinference-openai__chat.otlp.json", "--require", "tools"], 1],
    [["fixtures/openinference/openinference-openai__chat-tools.otlp.json", "--require", "tools"], 0],
    [["fixtures/none/http__requests.otlp.json"], 0],
    [["fixtures/none/http__requests.otlp.json", "--fail-on", "info"], 1],
    [["fixtures/vercel-ai/vercel-ai__generate-text.otlp.json", "--fail-on", "warning"], 1],
    [["fixtures/vercel-ai/vercel-ai__generate-text.otlp.json", "--fail-on", "error"], 0],
  ])("exit code of validate %j is %i", async (args, expected) => {
    const { code, stderr } = await cli("validate", ...args);
    expect(stderr).toBe("");
    expect(code).toBe(expected);
  });

  it("--convention holds LLM spans to it, never the HTTP spans beside them", async () => {
    const file = "fixtures/openinference/openinference-openai__chat.otlp.json";
    const asked = await cli("validate", file, "--convention", "openinference", "--format", "json");
    expect(asked.code).toBe(0);
    // The POST span keeps only its no-convention info.
    expect(JSON.parse(asked.stdout).summary.byCode).toEqual({ "no-convention": 1 });
    const other = await cli("validate", file, "--convention", "genai", "--format", "json");
    expect(other.code).toBe(1);
    const findings = JSON.parse(other.stdout).findings as Array<{ code: string; spanName: string }>;
    expect(findings.filter((f) => f.code === "convention-missing").map((f) => f.spanName)).toEqual(["OpenAI Chat Completions"]);
    expect(findings.filter((f) => f.spanName === "POST")).toEqual([]);
    const http = await cli("validate", "fixtures/none/http__requests.otlp.json", "--convention", "genai", "--require", "inputs");
    expect(http.code).toBe(0);
  });

  it("a quoted glob is expanded by the CLI (same spans as the directory)", async () => {
    const pattern = await cli("validate", "fixtures/openinference/*.otlp.json", "--format", "json");
    const dir = await cli("validate", "fixtures/openinference", "--format", "json");
    expect(pattern.stderr).toBe("");
    expect(pattern.code).toBe(0);
    expect(JSON.parse(pattern.stdout).summary).toEqual(JSON.parse(dir.stdout).summary);
    expect(JSON.parse(pattern.stdout).summary).toMatchObject({ files: 33, spans: 79 });
    const deep = await cli("validate", "fixtures/**/*__agent*.json", "--format", "json");
    expect(JSON.parse(deep.stdout).summary).toMatchObject({ files: 2, spans: 11 });
  });

  it("a pattern that matches nothing, or a directory without trace files, is exit 2", async () => {
    const none = await cli("validate", "traces/*.json");
    expect(none).toEqual({ code: 2, stdout: "", stderr: "mlflow-semconv: traces/*.json: no files match this pattern\n" });
    const empty = mkdtempSync(join(tmpdir(), "mlflow-semconv-nothing-"));
    const dir = await cli("validate", empty);
    expect(dir).toEqual({ code: 2, stdout: "", stderr: `mlflow-semconv: no spans found in ${empty}: no *.json or *.jsonl trace files there\n` });
  });

  it("inspect and convert take quoted patterns too", async () => {
    const inspect = await cli("inspect", "fixtures/n*/*.otlp.json");
    expect(inspect.code).toBe(0);
    expect(inspect.stdout.trimEnd().split("\n").at(-1)).toBe("6 spans: UNKNOWN 6");
    const convert = await cli("convert", "fixtures/none/http__*.otlp.json");
    expect(convert.code).toBe(0);
    expect(convert.stdout.trimEnd().split("\n")).toHaveLength(6);
    const many = await cli("convert", "fixtures/vercel-ai/vercel-ai__*.otlp.json");
    expect(many).toEqual({ code: 2, stdout: "", stderr: "mlflow-semconv: convert takes exactly one input file; fixtures/vercel-ai/vercel-ai__*.otlp.json matches 5 trace files\n" });
  });
});
