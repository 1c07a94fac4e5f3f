/**
 * Spans and log records of Gemini CLI (`@google/gemini-cli`), which traces itself with its own
 * OpenTelemetry Node SDK (tracer `gemini-cli`, logger `gemini-cli`). The CLI runs as a child
 * process, one non-interactive prompt (`gemini -p ...`) per scenario, and exports OTLP/HTTP JSON to
 * a receiver started here (otlp-receiver.ts); nothing is imported in-process.
 *
 * Offline and private by construction:
 * - the Gemini API goes to the mock provider (GOOGLE_GEMINI_BASE_URL = 127.0.0.1, dummy API key,
 *   auth type `gemini-api-key`, so no Google login or Code Assist server is involved);
 * - telemetry target `local` with the OTLP endpoint of the local receiver;
 * - usage statistics (Clearcut), auto update and update checks switched off in the settings file;
 * - HOME is a fresh temporary directory (no user settings, extensions or credentials), the working
 *   directory another one with three small files;
 * - every other HTTP(S) request the CLI might make goes to a dead local proxy (127.0.0.1:9) with
 *   only 127.0.0.1 / localhost exempted, so it fails instead of leaving the machine.
 *
 * The session id is fixed with `--session-id`, the installation id by pre-writing its file, so
 * the files are stable; temp paths are rewritten to `/home/fixture` and `/work/project`.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { type FixtureRecord, mockOrigin, packageVersion, REPO_ROOT, SUMMARY_PREFIX } from "./harness.js";
import { startOtlpReceiver, writeChildCapture } from "./otlp-receiver.js";

const SESSION_ID = "session-fixture-1";
const INSTALLATION_ID = "00000000-0000-4000-8000-000000000001";
const MODEL = "gemini-2.5-flash";
const CLI = path.join(REPO_ROOT, "node_modules/@google/gemini-cli/bundle/gemini.js");

interface CliScenario {
  readonly name: string;
  readonly prompt: string;
  readonly model?: string;
  /** Expected exit status of the CLI (a failed model call exits non-zero). */
  readonly exitCode?: number;
  /** Text the CLI must print on stdout (checked when given). */
  readonly stdout?: string;
  readonly notes?: readonly string[];
}

const scenarios: readonly CliScenario[] = [
  {
    name: "prompt",
    prompt: "What is the capital of France?",
    stdout: "The capital of France is Paris.",
  },
  {
    name: "tool-call",
    prompt: "List the files in the current directory.",
    stdout: "It is currently 18 °C and sunny in Paris.",
  },
  {
    name: "subagent",
    prompt: "Ask the generalist agent to count from 1 to 5.",
    notes: [
      "invoke_agent tool call -> agent_call span (gen_ai.agent.name = gemini-cli, input = the tool args) -> the subagent's own llm_call (complete_task) / schedule_tool_calls / tool_call; the subagent's prompt id is a UUID (normalised)",
    ],
  },
  {
    name: "model-error",
    prompt: "Name three primary colors.",
    model: "gemini-nonexistent-model",
    exitCode: 1,
  },
];

const receiver = await startOtlpReceiver();
const mockPort = Number(new URL(mockOrigin()).port);
const tmpRoot = realpathSync(mkdtempSync(path.join(os.tmpdir(), "gemini-cli-capture-")));
const home = path.join(tmpRoot, "home");
const work = path.join(tmpRoot, "project");
mkdirSync(path.join(home, ".gemini"), { recursive: true });
mkdirSync(work, { recursive: true });
writeFileSync(path.join(work, "README.md"), "# Fixture project\n");
writeFileSync(path.join(work, "notes.txt"), "Nothing to see here.\n");
writeFileSync(path.join(work, "data.json"), '{"answer": 42}\n');
writeFileSync(path.join(home, ".gemini", "installation_id"), INSTALLATION_ID);
writeFileSync(
  path.join(home, ".gemini", "settings.json"),
  JSON.stringify(
    {
      privacy: { usageStatisticsEnabled: false },
      general: {
        disableAutoUpdate: true,
        disableUpdateNag: true,
        enableAutoUpdate: false,
        enableAutoUpdateNotification: false,
      },
      security: { auth: { selectedType: "gemini-api-key" }, folderTrust: { enabled: false } },
      telemetry: {
        enabled: true,
        target: "local",
        otlpEndpoint: receiver.origin,
        otlpProtocol: "http",
        logPrompts: true,
        traces: true,
      },
    },
    null,
    2,
  ),
);

function childEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: home,
    USER: "fixture",
    TZ: "UTC",
    LANG: "en_US.UTF-8",
    TERM: "dumb",
    NO_COLOR: "1",
    GEMINI_API_KEY: "fixture-not-a-real-key",
    GOOGLE_GEMINI_BASE_URL: mockOrigin(),
    GEMINI_CLI_NO_RELAUNCH: "true",
    GEMINI_TELEMETRY_TRACES_ENABLED: "true",
    HTTP_PROXY: "http://127.0.0.1:9",
    HTTPS_PROXY: "http://127.0.0.1:9",
    http_proxy: "http://127.0.0.1:9",
    https_proxy: "http://127.0.0.1:9",
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  };
}

async function runCli(s: CliScenario): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = [CLI, "-p", s.prompt, "-m", s.model ?? MODEL, "--session-id", SESSION_ID, "--approval-mode", "yolo"];
  const child = spawn(process.execPath, args, { cwd: work, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** Today's date as the CLI writes it into its session context (en-US, UTC). */
function today(): string {
  return new Date().toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

const records: FixtureRecord[] = [];
try {
  for (const s of scenarios) {
    receiver.reset();
    rmSync(path.join(home, ".gemini", "tmp"), { recursive: true, force: true });
    const result = await runCli(s);
    if (result.code !== (s.exitCode ?? 0)) {
      throw new Error(`gemini-cli ${s.name}: exit ${result.code}\n${result.stdout}\n${result.stderr}`);
    }
    if (s.stdout !== undefined && result.stdout.trim() !== s.stdout) {
      throw new Error(`gemini-cli ${s.name}: unexpected output ${JSON.stringify(result.stdout)}`);
    }
    // The CLI flushes its exporters on exit; give the last request a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (receiver.problems.length > 0) throw new Error(`receiver: ${receiver.problems.join("; ")}`);
    records.push(
      writeChildCapture({
        convention: "gemini-cli",
        instrumentation: "gemini-cli",
        scenario: s.name,
        instrumentationPackages: [packageVersion("@google/gemini-cli")],
        sdkPackage: "(bundled @google/genai)",
        traces: receiver.traces,
        logs: receiver.logs,
        mockPort,
        receiverPort: receiver.port,
        replacements: [
          // The CLI tells the model today's date; the fixtures say 2025-01-01 like their timestamps.
          [today(), "Wednesday, January 1, 2025"],
          [path.join(home, ".gemini", "tmp"), "/home/fixture/.gemini/tmp"],
          [home, "/home/fixture"],
          [work, "/work/project"],
          [tmpRoot, "/tmp/fixture"],
        ],
        // Subagent runs get a random UUID as their prompt id (also inside call ids).
        randomIds: [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g],
        notes: s.notes ?? [],
        instrumentationNotes: [
          "the real CLI as a child process (gemini -p, API-key auth, telemetry target local, traces on, logPrompts on), OTLP/HTTP JSON to a local receiver (otlp-receiver.ts); mock Gemini endpoint via GOOGLE_GEMINI_BASE_URL",
          "spans (tracer gemini-cli): gen_ai.operation.name llm_call / schedule_tool_calls / tool_call, gen_ai.agent.name = gemini-cli; every top-level span is its own trace",
          "Gemini-shaped gen_ai.input.messages / output.messages (a streamed output is a list of per-chunk Contents); gen_ai.usage.input_tokens = promptTokenCount (includes cache); cache and thinking counts only in the gemini_cli.api_response log record",
          "session id on the resource (session.id) and as gen_ai.conversation.id; installation.id on log records",
          "session id fixed with --session-id; the date in the session context, temp paths, ids made from Date.now() and ISO times are normalised (see the capture script)",
        ],
      }),
    );
  }
} finally {
  await receiver.close();
  rmSync(tmpRoot, { recursive: true, force: true });
}
process.stdout.write(`${SUMMARY_PREFIX}${JSON.stringify(records)}\n`);
