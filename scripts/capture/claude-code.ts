/**
 * Spans and log records of Claude Code, driven through the Claude Agent SDK
 * (`@anthropic-ai/claude-agent-sdk`, `query()`), which runs the bundled `claude` binary as a child
 * process. Claude Code traces itself with its own OpenTelemetry SDK when telemetry is on
 * (CLAUDE_CODE_ENABLE_TELEMETRY=1) and the enhanced-telemetry beta is on
 * (CLAUDE_CODE_ENHANCED_TELEMETRY_BETA=1) with OTEL_TRACES_EXPORTER=otlp; spans and log records go
 * as OTLP/HTTP JSON to a receiver started here (otlp-receiver.ts).
 *
 * Offline and private by construction:
 * - the Anthropic API goes to the mock provider (ANTHROPIC_BASE_URL = 127.0.0.1, dummy API key);
 *   the mock answers Claude Code's own tool set with a `Glob` call when the prompt asks about files
 *   (mock/anthropic-agent.ts);
 * - CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC, DISABLE_ERROR_REPORTING, DISABLE_AUTOUPDATER: no
 *   update checks, error reports or feature-flag fetches;
 * - HOME and CLAUDE_CONFIG_DIR are a fresh temporary directory (no user settings or credentials),
 *   the working directory another one with three small files; no setting sources are loaded;
 * - every other HTTP(S) request goes to a dead local proxy (127.0.0.1:9), only 127.0.0.1 exempted.
 *
 * Content logging is on (OTEL_LOG_USER_PROMPTS, OTEL_LOG_TOOL_DETAILS, OTEL_LOG_TOOL_CONTENT,
 * OTEL_LOG_ASSISTANT_RESPONSES, ENABLE_BETA_TRACING_DETAILED) so the content keys show.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { query } from "@anthropic-ai/claude-agent-sdk";

import { type FixtureRecord, mockOrigin, packageVersion, SUMMARY_PREFIX } from "./harness.js";
import { startOtlpReceiver, writeChildCapture } from "./otlp-receiver.js";

const SESSION_ID = "00000000-0000-4000-8000-00000000c0de";
const MODEL = "claude-haiku-4-5";

interface CcScenario {
  readonly name: string;
  readonly prompt: string;
  readonly model?: string;
  readonly expectError?: boolean;
  readonly result?: string;
  readonly notes?: readonly string[];
}

const scenarios: readonly CcScenario[] = [
  { name: "prompt", prompt: "What is the capital of France?", result: "The capital of France is Paris." },
  { name: "tool-call", prompt: "List the files in the current directory.", result: "It is currently 18 °C and sunny in Paris." },
  {
    name: "subagent",
    prompt: "Ask a general-purpose agent to count from 1 to 5.",
    result: "It is currently 18 °C and sunny in Paris.",
    notes: [
      "the Agent tool runs a foreground general-purpose subagent: its llm_request spans are children of claude_code.tool.execution, with llm_request.context = tool and agent_id (random, normalised); log event subagent_completed",
    ],
  },
  { name: "model-error", prompt: "Name three primary colors.", model: "claude-nonexistent-model", expectError: true },
];

const receiver = await startOtlpReceiver();
const mockPort = Number(new URL(mockOrigin()).port);
const tmpRoot = realpathSync(mkdtempSync(path.join(os.tmpdir(), "claude-code-capture-")));
const home = path.join(tmpRoot, "home");
const work = path.join(tmpRoot, "project");
mkdirSync(path.join(home, ".claude"), { recursive: true });
mkdirSync(work, { recursive: true });
writeFileSync(path.join(work, "README.md"), "# Fixture project\n");
writeFileSync(path.join(work, "notes.txt"), "Nothing to see here.\n");
writeFileSync(path.join(work, "data.json"), '{"answer": 42}\n');
// Glob lists by modification time: distinct fixed times give a fixed order.
["README.md", "notes.txt", "data.json"].forEach((name, i) => {
  const when = new Date(Date.UTC(2025, 0, 1, 0, 0, 3 - i));
  utimesSync(path.join(work, name), when, when);
});
// Claude Code's user id is a random value kept in its global config; a fixed one keeps files stable.
const USER_ID = "f1x7ure0".repeat(8);
for (const file of [path.join(home, ".claude.json"), path.join(home, ".claude", ".claude.json")]) {
  writeFileSync(file, JSON.stringify({ userID: USER_ID, hasCompletedOnboarding: true }));
}

function childEnv(): Record<string, string> {
  return {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: home,
    USER: "fixture",
    TZ: "UTC",
    LANG: "en_US.UTF-8",
    CLAUDE_CONFIG_DIR: path.join(home, ".claude"),
    ANTHROPIC_API_KEY: "sk-ant-fixture-not-a-real-key",
    ANTHROPIC_BASE_URL: mockOrigin(),
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_ERROR_REPORTING: "1",
    DISABLE_AUTOUPDATER: "1",
    CLAUDE_CODE_ENABLE_TELEMETRY: "1",
    CLAUDE_CODE_ENHANCED_TELEMETRY_BETA: "1",
    ENABLE_BETA_TRACING_DETAILED: "1",
    BETA_TRACING_ENDPOINT: receiver.origin,
    OTEL_TRACES_EXPORTER: "otlp",
    OTEL_LOGS_EXPORTER: "otlp",
    OTEL_METRICS_EXPORTER: "none",
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.origin,
    OTEL_TRACES_EXPORT_INTERVAL: "200",
    OTEL_LOGS_EXPORT_INTERVAL: "200",
    OTEL_LOG_USER_PROMPTS: "1",
    OTEL_LOG_TOOL_DETAILS: "1",
    OTEL_LOG_TOOL_CONTENT: "1",
    OTEL_LOG_ASSISTANT_RESPONSES: "1",
    HTTP_PROXY: "http://127.0.0.1:9",
    HTTPS_PROXY: "http://127.0.0.1:9",
    http_proxy: "http://127.0.0.1:9",
    https_proxy: "http://127.0.0.1:9",
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  };
}

async function runScenario(s: CcScenario): Promise<string> {
  let result = "";
  let stderr = "";
  const q = query({
    prompt: s.prompt,
    options: {
      cwd: work,
      env: childEnv(),
      model: s.model ?? MODEL,
      sessionId: SESSION_ID,
      permissionMode: "default",
      allowedTools: ["Glob", "Agent"],
      settingSources: [],
      maxTurns: 4,
      persistSession: false,
      stderr: (data) => (stderr += data),
    },
  });
  try {
    for await (const message of q) {
      if (message.type === "result") {
        result = message.subtype === "success" ? message.result : `error: ${message.subtype}`;
      }
    }
  } catch (error) {
    // A failed run ends the query with an error (after Claude Code has exported its telemetry).
    if (s.expectError !== true) throw error;
    result = `error: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (process.env["CAPTURE_DEBUG"]) console.error(stderr);
  return result;
}

const records: FixtureRecord[] = [];
try {
  for (const s of scenarios) {
    receiver.reset();
    const result = await runScenario(s);
    if (s.expectError === true && !result.startsWith("error") && !/not.found|nonexistent|404/i.test(result)) {
      throw new Error(`claude-code ${s.name}: expected a failed run, got ${JSON.stringify(result)}`);
    }
    if (s.result !== undefined && result.trim() !== s.result) throw new Error(`claude-code ${s.name}: unexpected result ${JSON.stringify(result)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (receiver.problems.length > 0) throw new Error(`receiver: ${receiver.problems.join("; ")}`);
    records.push(
      writeChildCapture({
        convention: "claude-code",
        instrumentation: "claude-code",
        scenario: s.name,
        instrumentationPackages: [packageVersion("@anthropic-ai/claude-agent-sdk")],
        sdkPackage: packageVersion("@anthropic-ai/claude-agent-sdk-linux-x64"),
        traces: receiver.traces,
        logs: receiver.logs,
        mockPort,
        receiverPort: receiver.port,
        replacements: [
          // The machine's kernel release appears in the environment block of the system reminders.
          [os.release(), "6.0.0-fixture"],
          [home, "/home/fixture"],
          [work, "/work/project"],
          [tmpRoot, "/tmp/fixture"],
        ],
        // Event and prompt ids (UUIDs) and the hashed user id are random per run.
        // Subagent ids are "a" + 16 random hex digits.
        randomIds: [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, /\b[0-9a-f]{64}\b/g, /\ba[0-9a-f]{16}\b/g],
        notes: s.notes ?? [],
        instrumentationNotes: [
          "Claude Code's native binary driven by the Agent SDK's query(), telemetry on (CLAUDE_CODE_ENABLE_TELEMETRY, CLAUDE_CODE_ENHANCED_TELEMETRY_BETA, OTEL_TRACES_EXPORTER=otlp) with content (ENABLE_BETA_TRACING_DETAILED + BETA_TRACING_ENDPOINT), OTLP/HTTP JSON to a local receiver; mock Anthropic endpoint via ANTHROPIC_BASE_URL",
          "span names claude_code.interaction / llm_request / tool / tool.blocked_on_user / tool.execution, span.type the bare value; one trace per turn",
          "bare input_tokens excludes cache, gen_ai.usage.input_tokens includes it (402 vs 4498 in tool-call); content as labelled text (new_context, tool_input, response.model_output, user_prompt)",
          "session.id and user.id (a hash) on every span; log events (api_request with cost_usd, tool_result, ...) in .logs.json; their order varies between runs (asynchronous emission)",
          "UUIDs and the user id hash are random per run: replaced by stable stand-ins (otlp-receiver.ts randomIds)",
        ],
      }),
    );
  }
} finally {
  await receiver.close();
  rmSync(tmpRoot, { recursive: true, force: true });
}
process.stdout.write(`${SUMMARY_PREFIX}${JSON.stringify(records)}\n`);
