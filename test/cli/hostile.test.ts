/**
 * The CLI on hostile and awkward input, run as users run it (node dist/cli.js). Inputs are small but
 * built so that an unbounded or quadratic implementation would fail by orders of magnitude (a document
 * limit lowered through MLFLOW_SEMCONV_MAX_DOCUMENT, a stream with no end), never by timing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, runCli } from "../helpers/cli.js";
import { ROOT } from "../helpers/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "mlflow-semconv-hostile-"));
let n = 0;
const write = (name: string, text: string | Buffer) => {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, text);
  return path;
};
const attrs = (attributes: Record<string, string | number>) =>
  Object.entries(attributes).map(([key, v]) => ({ key, value: typeof v === "number" ? { intValue: v } : { stringValue: v } }));
const span = (name: string, attributes: Record<string, string | number> = { "gen_ai.operation.name": "chat", "gen_ai.system": "openai" }, traceId = "0af7651916cd43dd8448eb211c80319c") => ({
  name,
  traceId,
  spanId: "00f067aa0ba902b7",
  attributes: attrs(attributes),
});
const request = (...spans: object[]) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
const good = request(span("ok"));

const EVIL = "x\n::error file=evil.json::pwned\r\n::stop-commands::tok\x1b[2J\x1b]8;;http://evil\x07\u202egnp.exe\u0085##[error]y | <img src=x> `c` [l](http://evil) ![i](http://evil/i.png)";

/** Lines of our own workflow commands; every other line must not open one. */
const OWN_COMMAND = /^::(error|warning|notice) (file=[^,:]*,)?(line=\d+,)?title=[^,:]*::/;
function assertNoInjectedCommands(output: string) {
  for (const line of output.split(/\r\n|\r|\n/)) {
    if (line.trimStart().startsWith("::")) expect(line).toMatch(OWN_COMMAND);
    expect(line.includes("##[")).toBe(false);
  }
}

describe("output injection", () => {
  const file = write("evil.jsonl", `${request(span(EVIL, { "gen_ai.operation.name": EVIL, "gen_ai.provider.name": EVIL, [EVIL]: EVIL }))}\n`);

  it.each(["text", "github", "markdown", "json"])("validate --format %s: no injected command on stdout or stderr, no ESC in text", (format) => {
    const { code, stdout, stderr } = runCli(["validate", file, "--format", format, "--show", "info"]);
    expect([0, 1]).toContain(code);
    assertNoInjectedCommands(stdout);
    assertNoInjectedCommands(stderr);
    if (format !== "json") expect(stdout).not.toMatch(/[\x1b\u202e\u0085]/);
    if (format === "markdown") {
      expect(stdout).not.toMatch(/<img|<\/?b>|(^|[^\\])\]\(|!\[/);
      expect(stdout).toContain("\\`c\\`");
    }
    if (format === "json") {
      // The same data: the escapes only change how the text looks, not the value.
      const report = JSON.parse(stdout);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(report.findings[0].spanName).toBe(EVIL);
    }
  });

  it("inspect: the table neutralises names; a hostile file name on stderr too", () => {
    const { stdout } = runCli(["inspect", file]);
    expect(stdout).not.toMatch(/\x1b|\u202e/);
    assertNoInjectedCommands(stdout);
    const evilDir = mkdtempSync(join(tmpdir(), "mlflow-semconv-evil-name-"));
    const evilName = join(evilDir, "::error::a\nb.json");
    writeFileSync(evilName, "not json");
    const result = runCli(["validate", evilName, "--format", "github"]);
    expect(result.code).toBe(2);
    assertNoInjectedCommands(result.stdout);
    assertNoInjectedCommands(result.stderr);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    // The same through convert, whose first error ends the run.
    const converted = runCli(["convert", evilName]);
    expect(converted.code).toBe(2);
    assertNoInjectedCommands(converted.stderr);
    expect(converted.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a 1 MiB span name is clipped in every finding", () => {
    const big = write("big-name.jsonl", `${request(span("n".repeat(1 << 20), { "gen_ai.operation.name": "chat", "gen_ai.system": "x".repeat(1 << 20) }))}\n`);
    for (const format of ["text", "json", "github", "markdown"]) {
      const { stdout } = runCli(["validate", big, "--format", format, "--show", "info", "--require", "inputs,outputs,model,tokenUsage"]);
      // Several findings on this span; the name alone, unclipped, would be MiBs.
      expect(stdout.length, format).toBeLessThan(20_000);
      expect(stdout).toContain("more characters)");
    }
  });
});

describe("data safety", () => {
  it("--out that is the input (also through a link) is refused and the input is intact", () => {
    const input = write("same.json", good);
    const link = join(dir, "same-link.json");
    symlinkSync(input, link);
    for (const out of [input, link]) {
      const { code, stderr } = runCli(["convert", input, "--out", out]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/is the input .*writing it would destroy the input/);
      expect(readFileSync(input, "utf8")).toBe(good);
    }
  });

  it("--out in a missing directory is a clear error; a failed run leaves the old --out as it was", () => {
    const input = write("in.json", good);
    const missing = runCli(["convert", input, "--out", join(dir, "no/such/dir/out.jsonl")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the directory .*no\/such\/dir does not exist/);
    const out = write("out.jsonl", "previous\n");
    const failed = runCli(["convert", write("bad.jsonl", `${good}\n{"resourceSpans": {}}\n`), "--out", out]);
    expect(failed.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("previous\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(runCli(["convert", input, "--out", out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).name).toBe("ok");
  });

  it("convert … | head -1 ends quietly with exit 0 (EPIPE)", () => {
    const spans = Array.from({ length: 200 }, (_, i) => span(`s${i}`));
    const input = write("many.jsonl", `${Array.from({ length: 50 }, () => request(...spans)).join("\n")}\n`);
    const result = spawnSync("bash", ["-c", `"${process.execPath}" "${CLI}" convert "${input}" | head -1 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`], { encoding: "utf8" });
    expect(result.stdout.trim()).toBe("exit=0");
    expect(result.stderr).toBe("");
  });
});

describe("bounded reading", () => {
  const limit = { MLFLOW_SEMCONV_MAX_DOCUMENT: "5000" };

  it("a corrupt first line: reported as line 1, the valid lines after it are checked, nothing buffered whole", () => {
    // 40 valid lines after it are far more than the 5000-character limit: buffering them as one
    // pretty-printed document would fail with "larger than … as one document".
    const lines = [`{"resourceSpans": [{"scopeSpans": [{"spans": [{"name": "cut`, ...Array.from({ length: 40 }, (_, i) => request(span(`s${i}`)))];
    const file = write("corrupt-first.jsonl", `${lines.join("\n")}\n`);
    const { code, stdout, stderr } = runCli(["validate", file, "--format", "json"], { env: limit });
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.summary.spans).toBe(40);
    expect(report.inputErrors).toEqual([expect.objectContaining({ line: 1 })]);
    expect(stderr).toContain(`${file}:1: not a complete JSON document`);
  });

  it("a line over the limit, and /dev/zero, are input errors (exit 2), not crashes", () => {
    const long = write("long.jsonl", `${good}\n${request(span("y".repeat(6000)))}\n${good}\n`);
    const result = runCli(["validate", long, "--format", "json"], { env: limit });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${long}:2: line longer than 5000 characters`);
    expect(JSON.parse(result.stdout).summary.spans).toBe(1);
    for (const command of ["convert", "inspect", "validate"]) {
      const zero = runCli([command, "/dev/zero"], { env: { MLFLOW_SEMCONV_MAX_DOCUMENT: "100000" } });
      expect(zero.code, command).toBe(2);
      expect(zero.stderr, command).toContain("/dev/zero:1: line longer than 100000 characters");
    }
  });

  it("a pretty-printed document over the limit is an input error", () => {
    const pretty = write("pretty.json", JSON.stringify(JSON.parse(request(...Array.from({ length: 100 }, (_, i) => span(`p${i}`)))), null, 2));
    const result = runCli(["convert", pretty], { env: limit });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not JSON Lines, and larger than 5000 characters as one document/);
    expect(runCli(["convert", pretty]).stdout.trim().split("\n")).toHaveLength(100);
  });

  it("BOM-prefixed files (a document and JSON Lines) are read", () => {
    const bom = "\ufeff";
    const doc = write("bom.json", `${bom}${JSON.stringify(JSON.parse(good), null, 2)}`);
    const lines = write("bom.jsonl", `${bom}${good}\r\n${good}\r\n`);
    expect(runCli(["convert", doc]).stdout.trim().split("\n")).toHaveLength(1);
    expect(runCli(["convert", lines]).stdout.trim().split("\n")).toHaveLength(2);
  });

  it("walking: a FIFO is skipped, dangling links and link loops are noted, each file once", () => {
    const tree = mkdtempSync(join(tmpdir(), "mlflow-semconv-walk-"));
    writeFileSync(join(tree, "a.json"), good);
    execFileSync("mkfifo", [join(tree, "pipe.json")]);
    symlinkSync(join(tree, "missing.json"), join(tree, "dangling.json"));
    symlinkSync(join(tree, "loop.json"), join(tree, "loop.json"));
    symlinkSync(join(tree, "a.json"), join(tree, "b-link.json"));
    mkdirSync(join(tree, "sub"));
    symlinkSync(tree, join(tree, "sub/up"));
    const { code, stdout, stderr } = runCli(["inspect", tree, "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).spans.map((r: { file: string }) => r.file)).toEqual([join(tree, "a.json")]);
    expect(stderr).toContain(`${join(tree, "pipe.json")}: not a regular file`);
    expect(stderr).toContain(`${join(tree, "dangling.json")}: a symbolic link to a missing file`);
    expect(stderr).toContain(`${join(tree, "loop.json")}: a symbolic link loop`);
  });

  it("a directory where a file is expected, a dangling link or a link loop named directly: exit 2 with a message", () => {
    const tree = mkdtempSync(join(tmpdir(), "mlflow-semconv-named-"));
    symlinkSync(join(tree, "missing.json"), join(tree, "dangling.json"));
    symlinkSync(join(tree, "loop.json"), join(tree, "loop.json"));
    const input = write("named.json", good);
    const cases: Array<[string[], RegExp]> = [
      [["convert", tree], /is a directory, not a file/],
      [["convert", input, "--logs", tree], /is a directory, not a file/],
      [["convert", input, "--out", tree], /is a directory; name a file/],
      [["convert", join(tree, "dangling.json")], /a symbolic link to a missing file/],
      [["validate", join(tree, "loop.json")], /a symbolic link loop/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(message);
    }
  });

  it("inspect on 130k spans (one column maximum over every row without spreading them)", () => {
    const spans = Array.from({ length: 1000 }, (_, i) => ({ name: `s${i}`, attributes: [] }));
    const line = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
    const file = write("130k.jsonl", `${Array.from({ length: 130 }, () => line).join("\n")}\n`);
    const { code, stdout } = runCli(["inspect", file]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("130000 spans: UNKNOWN 130000");
  });
});

describe("one policy for empty input; --help everywhere; exit codes 0, 1, 2 only", () => {
  it.each(["convert", "inspect", "validate"])("%s: an empty file is exit 2, no spans found", (command) => {
    const empty = write("empty.jsonl", "\n\n");
    const { code, stderr } = runCli([command, empty]);
    expect(code).toBe(2);
    expect(stderr).toBe(`mlflow-semconv: no spans found in ${empty}\n`);
  });

  it.each(["convert", "inspect", "validate"])("%s --help: usage, options with defaults, exit codes, examples; exit 0", (command) => {
    const { code, stdout } = runCli([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: mlflow-semconv ${command} `));
    expect(stdout).toContain("Options:");
    expect(stdout).toContain("(default");
    expect(stdout).toContain("Exit codes:");
    expect(stdout).toContain(`Examples:\n  mlflow-semconv ${command} `);
    expect(runCli(["help", command]).stdout).toBe(stdout);
  });

  it("no command prints the usage to stderr with exit 2; --help to stdout with exit 0", () => {
    expect(runCli([])).toMatchObject({ code: 2, stdout: "" });
    const help = runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["convert", "inspect", "validate"]) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  });
});

describe("input layouts", () => {
  it("*.mlflow.json is left out when the shell expanded a pattern (several arguments)", () => {
    const tree = mkdtempSync(join(tmpdir(), "mlflow-semconv-expanded-"));
    writeFileSync(join(tree, "a.otlp.json"), good);
    writeFileSync(join(tree, "a.mlflow.json"), '{"not": "otlp"}');
    const { code, stdout } = runCli(["validate", join(tree, "a.mlflow.json"), join(tree, "a.otlp.json"), "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.files).toBe(1);
  });

  it("the Collector file exporter's traces.jsonl and logs.jsonl: logs joined, not read as traces; a lone logs file is noted", () => {
    const tree = mkdtempSync(join(tmpdir(), "mlflow-semconv-collector-"));
    const trace = JSON.stringify(JSON.parse(readFileSync(join(ROOT, "fixtures/genai/otel-openai__chat.otlp.json"), "utf8")));
    const logs = JSON.stringify(JSON.parse(readFileSync(join(ROOT, "fixtures/genai/otel-openai__chat.logs.json"), "utf8")));
    writeFileSync(join(tree, "traces.jsonl"), `${trace}\n`);
    writeFileSync(join(tree, "logs.jsonl"), `${logs}\n`);
    const inspected = runCli(["inspect", tree, "--format", "json"]);
    expect(inspected.code).toBe(0);
    expect(inspected.stderr).toBe("");
    const rows = JSON.parse(inspected.stdout).spans;
    expect(rows.map((r: { file: string; preview: string }) => [r.file, r.preview])).toEqual([[join(tree, "traces.jsonl"), expect.stringMatching(/^What is the capital of France\? → /)]]);
    // Without its traces, a logs file is recognised, not reported as a broken trace file.
    const alone = mkdtempSync(join(tmpdir(), "mlflow-semconv-logs-only-"));
    writeFileSync(join(alone, "logs.jsonl"), `${logs}\n`);
    writeFileSync(join(alone, "other.json"), good);
    const result = runCli(["validate", alone]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`mlflow-semconv: ${join(alone, "logs.jsonl")}: log records, not traces; skipped\nmlflow-semconv: warning: no spans in ${join(alone, "logs.jsonl")}\n`);
    // --logs on validate and inspect joins the content to every input.
    const named = runCli(["inspect", join(tree, "traces.jsonl"), "--logs", join(tree, "logs.jsonl"), "--format", "json"]);
    expect(JSON.parse(named.stdout).spans[0].preview).toMatch(/^What is the capital of France\?/);
  });
});
