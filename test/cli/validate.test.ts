import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";
import { markdownText } from "../../src/cli/sanitize.js";

function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["dist/cli.js", "validate", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const span = (attributes: Record<string, string | number>, name = "chat m") => ({
  name,
  spanId: "00f067aa0ba902b7",
  attributes: Object.entries(attributes).map(([key, v]) => ({ key, value: typeof v === "number" ? { intValue: v } : { stringValue: v } })),
});
const request = (...spans: object[]) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
const deprecated = request(span({ "gen_ai.operation.name": "chat", "gen_ai.system": "openai", "gen_ai.request.model": "m", "gen_ai.usage.input_tokens": 1, "gen_ai.usage.output_tokens": 1, "gen_ai.response.model": "m" }));
const broken = request(span({ "gen_ai.operation.name": "chat", "gen_ai.request.model": "m" }));

describe("mlflow-semconv validate", () => {
  it("text: findings grouped by file and span, then the summary; exit 0 when nothing reaches --fail-on", () => {
    const { code, stdout } = cli(["-"], deprecated);
    expect(code).toBe(0);
    expect(stdout).toContain('  span "chat m" (00f067aa0ba902b7, line 1)\n');
    expect(stdout).toMatch(/warning deprecated-attribute \[gen_ai.system\]: gen_ai.system is deprecated in genai; use gen_ai.provider.name/);
    expect(stdout).toContain("1 spans in 1 file(s): 0 error(s), ");
    expect(stdout).toMatch(/by convention: genai 1/);
  });

  it("json: a finding of a convention rule cites the rule's source (spec); a finding of the translation has none", () => {
    const { stdout } = cli(["fixtures/genai/otel-openai-022__chat.otlp.json", "--format", "json", "--show", "info"]);
    const findings = JSON.parse(stdout).findings as { code: string; key?: string; spec?: string }[];
    const genai = "open-telemetry/semantic-conventions-genai@9430220";
    expect(findings.filter((f) => f.code.startsWith("deprecated")).map((f) => [f.code, f.key, f.spec?.split(" — ")[0]])).toEqual([
      ["deprecated-attribute", "gen_ai.system", "@opentelemetry/semantic-conventions@1.45.0:dist/experimental_attributes.d.mts"],
      ["deprecated-event", "gen_ai.system.message", "@opentelemetry/semantic-conventions@1.45.0:dist/experimental_events.d.mts"],
      ["deprecated-event", "gen_ai.user.message", "@opentelemetry/semantic-conventions@1.45.0:dist/experimental_events.d.mts"],
      ["deprecated-event", "gen_ai.choice", "@opentelemetry/semantic-conventions@1.45.0:dist/experimental_events.d.mts"],
    ]);
    const missing = JSON.parse(cli(["-", "--format", "json"], broken).stdout).findings as { code: string; key?: string; spec?: string }[];
    expect(missing.find((f) => f.key === "gen_ai.provider.name")?.spec).toMatch(new RegExp(`^${genai}:docs/gen-ai/gen-ai-spans.md#inference — Required`));
    // missing-field is the translation's check, not a convention rule: no citation.
    const field = JSON.parse(cli(["-", "--format", "json", "--require", "tools"], broken).stdout).findings.find((f: { code: string }) => f.code === "missing-field");
    expect(field).toBeDefined();
    expect(field.spec).toBeUndefined();
  });

  it("--fail-on warning turns warnings into exit 1", () => {
    expect(cli(["-", "--fail-on", "warning"], deprecated).code).toBe(1);
  });

  it("errors exit 1 by default; json output is machine readable", () => {
    const { code, stdout } = cli(["-", "--format", "json"], broken);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ files: 1, spans: 1 });
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: "attribute-missing", severity: "error", key: "gen_ai.provider.name", spanName: "chat m", file: "-" }),
    );
  });

  it("github: workflow annotations with escaped properties", () => {
    const { stdout } = cli(["-", "--format", "github"], broken);
    expect(stdout.split("\n")[0]).toMatch(/^::error file=-,line=1,title=attribute-missing::span "chat m" \(00f067aa0ba902b7\) gen_ai.provider.name: /);
  });

  it("markdown: a summary table and a findings table", () => {
    const { stdout } = cli(["-", "--format", "markdown"], broken);
    expect(stdout).toContain("| attribute-missing | 1 |");
    expect(stdout).toContain("| error | attribute-missing | - | 1 |  | chat m | gen\\_ai.provider.name |");
  });

  it("--require reports missing canonical fields on LLM spans", () => {
    const { stdout } = cli(["-", "--require", "model,tools", "--format", "json"], deprecated);
    const missing = JSON.parse(stdout).findings.filter((f: { code: string }) => f.code === "missing-field");
    expect(missing.map((f: { key: string }) => f.key)).toContain("tools");
  });

  it.each([
    [["nope.json"], /nope\.json: no such file/],
    [["-", "--format", "xml"], /--format must be one of/],
    [["-", "--require", "colour"], /--require takes/],
    [["-", "--fail-on", "fatal"], /--fail-on must be/],
    [["-", "--convention", "zipkin"], /--convention must be one of/],
  ])("usage errors exit 2: %j", (args, message) => {
    const { code, stderr } = cli(args as string[], deprecated);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("a truncated file and a non-OTLP JSON file exit 2 with a message", () => {
    const truncated = cli(["-"], deprecated.slice(0, deprecated.length / 2));
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/^mlflow-semconv: -: not JSON or JSON Lines/);
    const other = cli(["-"], '{"hello": "world"}');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('missing "resourceSpans"');
  });

  describe("unusable JSON Lines input: file:line, the rest still checked, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "mlflow-semconv-jsonl-"));
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const good = (name: string) => request(span({ "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai" }, name));

    it("a bad middle line is named, and the lines after it are still read", () => {
      const file = write("middle.jsonl", `${good("first")}\n${good("second")}\n{"resourceSpans": [\n${good("fourth")}\n`);
      const { code, stdout, stderr } = cli([file, "--format", "json"]);
      expect(code).toBe(2);
      expect(stderr).toMatch(new RegExp(`^mlflow-semconv: ${file}:3: not a complete JSON document \\(`));
      const report = JSON.parse(stdout);
      expect(report.summary).toMatchObject({ spans: 3, unreadable: 1 });
      expect(new Set(report.findings.map((f: { spanName: string }) => f.spanName))).toEqual(new Set(["first", "second", "fourth"]));
      expect(report.inputErrors).toEqual([expect.objectContaining({ file, line: 3 })]);
      const markdown = cli([file, "--format", "markdown"]);
      expect(markdown.code).toBe(2);
      expect(markdown.stdout).toContain(`**Unreadable input** (exit code 2):\n\n- ${markdownText(`${file}:3: not a complete JSON document`)}`);
    });

    it("a truncated last line: the findings of the complete lines, then exit 2 naming the line", () => {
      const line = good("whole");
      const file = write("truncated.jsonl", `${line}\n${line}\n${line.slice(0, 60)}`);
      const { code, stdout, stderr } = cli([file]);
      expect(code).toBe(2);
      expect(stdout).toContain('  span "whole" (00f067aa0ba902b7, line 1)\n');
      expect(stdout).toContain("2 spans in 1 file(s): 0 error(s), 10 warning(s), 0 info; 1 unreadable input(s)\n");
      expect(stderr).toMatch(new RegExp(`^mlflow-semconv: ${file}:3: not a complete JSON document`));
    });

    it("a line that is JSON but not OTLP is named the same way; github format annotates it", () => {
      const file = write("not-otlp.jsonl", `${good("a")}\n{"resourceSpans": {}}\n`);
      const { code, stdout, stderr } = cli([file, "--format", "github"]);
      expect(code).toBe(2);
      expect(stderr).toContain(`mlflow-semconv: ${file}:2: resourceSpans: expected an array`);
      expect(stdout).toContain(`::error file=${file},line=2,title=unreadable input::${file}:2: resourceSpans: expected an array\n`);
    });

    it("an empty file, or a directory without trace files, is exit 2: no spans found", () => {
      const empty = write("empty.jsonl", "\n\n");
      const none = cli([empty]);
      expect(none.code).toBe(2);
      expect(none.stderr).toBe(`mlflow-semconv: no spans found in ${empty}\n`);
      const emptyDir = mkdtempSync(join(tmpdir(), "mlflow-semconv-empty-"));
      writeFileSync(join(emptyDir, "README.txt"), "no traces here");
      const nothing = cli([emptyDir]);
      expect(nothing.code).toBe(2);
      expect(nothing.stderr).toBe(`mlflow-semconv: no spans found in ${emptyDir}: no *.json or *.jsonl trace files there\n`);
      expect(nothing.stdout).toBe("");
    });

    it("an empty file next to files with spans is only a warning", () => {
      const empty = write("also-empty.jsonl", "");
      const { code, stderr } = cli([empty, "-"], good("x"));
      expect(code).toBe(0);
      expect(stderr).toBe(`mlflow-semconv: warning: no spans in ${empty}\n`);
    });
  });

  describe("a JSON Lines file of 100k spans", () => {
    const dir = mkdtempSync(join(tmpdir(), "mlflow-semconv-big-"));
    const file = join(dir, "big.jsonl");
    beforeAll(async () => {
      const out = createWriteStream(file);
      const spans = Array.from({ length: 100 }, (_, i) => span({ "gen_ai.operation.name": "chat", "gen_ai.system": "openai", "gen_ai.usage.input_tokens": i }, `chat ${i}`));
      const line = `${request(...spans)}\n`;
      for (let i = 0; i < 1000; i++) if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      await new Promise<void>((resolve) => out.end(() => resolve()));
    }, 60_000);

    it("is streamed: every span counted, findings capped, memory bounded", () => {
      const result = spawnSync(
        process.execPath,
        ["--input-type=module", "-e", `process.on("exit", () => process.stderr.write("RSS_MB=" + Math.round(process.resourceUsage().maxRSS / 1024)));
         process.argv.splice(1, 0, "x"); await import("./dist/cli.js");`,
          "validate", file, "--format", "json", "--max-findings", "10"],
        { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      const report = JSON.parse(result.stdout);
      expect(report.summary.spans).toBe(100_000);
      expect(report.findings).toHaveLength(10);
      expect(report.summary.bySeverity.warning).toBeGreaterThanOrEqual(100_000);
      const rss = Number(/RSS_MB=(\d+)/.exec(result.stderr)?.[1]);
      // Measured on this 24 MB file: 97 MB peak RSS from dist/ (132-136 MB through tsx); on 1M spans
      // (242 MB) still 98 MB, so memory does not grow with the input. The bound leaves room for other
      // machines and Node versions.
      expect(rss).toBeLessThan(300);
    }, 120_000);
  });
});

describe("validate --ignore, --max-findings and ordering", () => {
  const chat = (name: string, attributes: Record<string, string | number>) => request(span({ "gen_ai.operation.name": "chat", ...attributes }, name));

  it("--ignore leaves codes out of the report, the counts and the exit code; repeatable and comma-separated", () => {
    const input = `${chat("a", { "gen_ai.system": "openai" })}\n`;
    const all = JSON.parse(cli(["-", "--format", "json", "--fail-on", "warning"], input).stdout);
    expect(all.summary.byCode["deprecated-attribute"]).toBe(1);
    const result = cli(["-", "--format", "json", "--fail-on", "warning", "--ignore", "deprecated-attribute", "--ignore", "attribute-recommended,unknown-value"], input);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary.byCode).toEqual({});
    expect(report.summary.ignored).toEqual({ "deprecated-attribute": 1, "attribute-recommended": all.summary.byCode["attribute-recommended"] });
    expect(cli(["-", "--ignore", "Not A Code"], input).code).toBe(2);
  });

  it("errors are listed before warnings, and --max-findings never drops an error for an earlier warning", () => {
    // Ten spans with warnings only, then one with an error.
    const lines = [...Array.from({ length: 10 }, (_, i) => chat(`w${i}`, { "gen_ai.system": "openai" })), chat("e", {})];
    const { code, stdout } = cli(["-", "--format", "json", "--max-findings", "3"], `${lines.join("\n")}\n`);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.findings.map((f: { severity: string; spanName: string; line: number }) => [f.severity, f.spanName, f.line])).toEqual([
      ["error", "e", 11],
      ["warning", "w0", 1],
      ["warning", "w0", 1],
    ]);
  });
});
