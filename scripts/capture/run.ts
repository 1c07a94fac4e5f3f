/**
 * `npm run capture`: regenerates every fixture under fixtures/ from real instrumentation packages.
 *
 * 1. Deletes the previously captured files (`*.otlp.json`, `*.logs.json`) of the convention
 *    folders, so a renamed or dropped scenario leaves nothing stale behind.
 * 2. Starts the mock provider (mock-provider.ts) on 127.0.0.1 at a random free port.
 * 3. Runs each capture script in its own Node process (`node --import tsx <script>`, two at a
 *    time): every instrumentation patches the SDK module, so separate processes keep them from
 *    seeing each other's patches. The child gets the mock's URL in MOCK_PROVIDER_URL, and no OPENAI_*,
 *    ANTHROPIC_*, OTEL_* or TRACELOOP_* variables, so neither real keys nor endpoints nor
 *    environment overrides of the instrumentations can leak in.
 * 4. Writes fixtures/MANIFEST.md from what the children reported and prints its table.
 *
 * `npm run capture -- otel-openai traceloop-openai` runs only the named captures; it neither
 * deletes old files nor rewrites MANIFEST.md, so run the whole set before committing.
 *
 * Nothing here talks to anything but 127.0.0.1.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { FIXTURES_DIR, type FixtureRecord, REPO_ROOT, SUMMARY_PREFIX } from "./harness.js";
import { startMockProvider } from "./mock-provider.js";

interface Job {
  readonly name: string;
  readonly script: string;
  readonly args?: readonly string[];
  /**
   * A folder (relative to this one) with its own package.json and lockfile, for a source whose
   * package cannot share the root's node_modules; `npm ci` runs there first when its
   * node_modules is missing.
   */
  readonly installDir?: string;
}

const JOBS: readonly Job[] = [
  { name: "otel-openai", script: "otel-openai.ts", args: ["--content"] },
  { name: "otel-openai-nocontent", script: "otel-openai.ts", args: ["--no-content"] },
  { name: "anthropic-native", script: "anthropic-native.ts" },
  { name: "openinference-openai", script: "openinference-openai.ts" },
  { name: "openinference-anthropic", script: "openinference-anthropic.ts" },
  { name: "openinference-core", script: "openinference-core.ts" },
  { name: "traceloop-openai", script: "traceloop-openai.ts" },
  { name: "traceloop-anthropic", script: "traceloop-anthropic.ts" },
  { name: "traceloop-legacy-openai", script: "traceloop-legacy-openai.ts" },
  { name: "traceloop-legacy-anthropic", script: "traceloop-legacy-anthropic.ts" },
  { name: "traceloop-sdk", script: "traceloop-sdk.ts" },
  { name: "openinference-langchain", script: "openinference-langchain.ts" },
  { name: "traceloop-langchain", script: "traceloop-langchain.ts" },
  { name: "vercel-ai", script: "vercel-ai.ts" },
  { name: "vercel-ai-anthropic", script: "vercel-ai.ts", args: ["--anthropic"] },
  { name: "http", script: "http-requests.ts" },
  // Python / Java-only sources: spans rebuilt from their source code (see from-source/spans.ts).
  { name: "pydantic-ai", script: "from-source/pydantic-ai.ts" },
  { name: "spring-ai", script: "from-source/spring-ai.ts" },
  { name: "mlflow-tests", script: "from-source/mlflow-tests.ts" },
  { name: "traceloop-py", script: "from-source/openllmetry-py.ts" },
  { name: "mlflow-autolog", script: "from-source/mlflow-autolog.ts" },
  // issue 13 (docs/issue-13-fixtures.md)
  { name: "otel-openai-022", script: "otel-openai-022.ts" },
  { name: "vercel-ai-v5", script: "vercel-ai-versions.ts", args: ["--v5"] },
  { name: "ai-sdk-otel", script: "vercel-ai-versions.ts", args: ["--v7-otel"] },
  { name: "vercel-ai-v7-legacy", script: "vercel-ai-versions.ts", args: ["--v7-legacy"] },
  { name: "traceloop-anthropic-more", script: "traceloop-anthropic-more.ts" },
  { name: "openinference-bedrock", script: "bedrock.ts", args: ["--openinference"] },
  { name: "traceloop-bedrock", script: "bedrock.ts", args: ["--traceloop"] },
  { name: "otel-aws-sdk-bedrock", script: "bedrock.ts", args: ["--aws-sdk"] },
  { name: "traceloop-cohere", script: "traceloop-cohere.ts" },
  { name: "openlit-openai", script: "openlit-openai.ts" },
  { name: "openinference-vercel", script: "openinference-vercel.ts" },
  { name: "openinference-openai-agents", script: "openinference-openai-agents.ts" },
  { name: "openinference-langchain-more", script: "openinference-content-more.ts", args: ["--langchain"] },
  { name: "openinference-anthropic-more", script: "openinference-content-more.ts", args: ["--anthropic"] },
  { name: "google-adk", script: "google-adk.ts" },
  { name: "gemini-cli", script: "gemini-cli.ts" },
  { name: "claude-code", script: "claude-code.ts" },
  { name: "livekit", script: "livekit.ts" },
  { name: "langfuse", script: "langfuse.ts" },
  { name: "voltagent", script: "voltagent.ts" },
  { name: "mastra", script: "mastra.ts" },
  { name: "laminar", script: "laminar/laminar.ts", installDir: "laminar" },
  { name: "strands", script: "strands/strands.ts", installDir: "strands" },
  { name: "strands-latest", script: "strands/strands.ts", args: ["--latest"], installDir: "strands" },
  { name: "strands-anthropic", script: "strands/strands.ts", args: ["--anthropic"], installDir: "strands" },
];

const CONVENTION_DIRS = ["genai", "openinference", "openllmetry", "vercel-ai", "none", "pydantic-ai", "spring-ai", "langfuse", "livekit", "voltagent", "google-adk", "gemini-cli", "claude-code", "mastra", "laminar", "strands", "mlflow"];
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ISOLATED_ENV_PREFIXES = [
  "OPENAI_",
  "ANTHROPIC_",
  "OTEL_",
  "TRACELOOP_",
  // Google ADK / Gemini CLI, Claude Code, LiveKit: keys, base URLs and telemetry switches.
  "GOOGLE_",
  "GEMINI_",
  "ADK_",
  "CLAUDE_",
  "LIVEKIT_",
  "LK_",
];

function childEnv(mockUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!ISOLATED_ENV_PREFIXES.some((prefix) => key.startsWith(prefix))) env[key] = value;
  }
  env["MOCK_PROVIDER_URL"] = mockUrl;
  return env;
}

/** `npm ci` in a job's own install folder, once, when its node_modules is not there yet. */
async function ensureInstalled(dir: string): Promise<void> {
  const full = path.join(HERE, dir);
  if (existsSync(path.join(full, "node_modules"))) return;
  // A folder with a lock file gets exactly it; one whose packages no lock file can satisfy (laminar/) none.
  const args = existsSync(path.join(full, "package-lock.json")) ? ["ci"] : ["install", "--no-package-lock"];
  const child = spawn("npm", [...args, "--no-audit", "--no-fund"], { cwd: full, stdio: ["ignore", "inherit", "inherit"] });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0) throw new Error(`npm ${args[0]} in ${full} failed (exit ${code})`);
}

async function runJob(job: Job, mockUrl: string): Promise<FixtureRecord[]> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, job.script), ...(job.args ?? [])], {
    cwd: REPO_ROOT,
    env: childEnv(mockUrl),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  // A script may call runCapture more than once (one call per convention folder): one line each.
  const summaries = stdout.split("\n").filter((line) => line.startsWith(SUMMARY_PREFIX));
  if (code !== 0 || summaries.length === 0) {
    throw new Error(`capture ${job.name} failed (exit ${code})\n${stdout}\n${stderr}`);
  }
  // Anything else the child printed (instrumentation warnings, say) is worth seeing.
  const chatter = [...stdout.split("\n").filter((l) => l.length > 0 && !l.startsWith(SUMMARY_PREFIX)), stderr.trim()]
    .filter((l) => l.length > 0)
    .join("\n");
  if (chatter.length > 0) console.error(`[${job.name}] ${chatter}`);
  return summaries.flatMap((summary) => JSON.parse(summary.slice(SUMMARY_PREFIX.length)) as FixtureRecord[]);
}

function cleanFixtures(): void {
  for (const dir of CONVENTION_DIRS) {
    const full = path.join(FIXTURES_DIR, dir);
    let entries: string[];
    try {
      entries = readdirSync(full);
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.endsWith(".otlp.json") || entry.endsWith(".logs.json")) rmSync(path.join(full, entry));
    }
  }
}

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function table(records: readonly FixtureRecord[]): string {
  const rows = records.map((r) => {
    const file = r.skipped !== undefined ? `*(not written)* ${r.file}` : r.file;
    const logs = r.logsFile !== undefined ? `${r.logRecords} (${path.basename(r.logsFile)})` : "–";
    const notes = r.skipped !== undefined ? [`NOT CAPTURED: ${r.skipped}`, ...r.notes] : r.notes;
    return `| ${cell(file)} | ${cell(r.instrumentationPackages.join(", "))} | ${cell(r.sdkPackage)} | ${r.scenario} | ${
      r.spans
    } | ${logs} | ${cell(notes.join("; "))} |`;
  });
  return [
    "| File | Instrumentation package(s) | SDK | Scenario | Spans | Log records | Notes |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}

/** One section per instrumentation: its packages and what holds for all of its files. */
function instrumentationSummary(records: readonly FixtureRecord[]): string {
  const seen = new Map<string, FixtureRecord>();
  for (const r of records) if (!seen.has(r.instrumentation)) seen.set(r.instrumentation, r);
  return [...seen.values()]
    .map((r) => {
      const lines = [
        `### ${r.instrumentation} (\`${r.convention}/\`)`,
        "",
        `- packages: ${r.instrumentationPackages.map((p) => `\`${p}\``).join(", ")}; SDK: \`${r.sdkPackage}\``,
        ...r.instrumentationNotes.map((note) => `- ${note}`),
      ];
      return lines.join("\n");
    })
    .join("\n\n");
}

function manifest(records: readonly FixtureRecord[]): string {
  return `# Captured fixtures

Every file in \`genai/\`, \`openinference/\`, \`openllmetry/\`, \`vercel-ai/\` and \`none/\` was produced by running a
real instrumentation package around a real provider SDK against the local mock provider
(\`scripts/capture/mock-provider.ts\`, 127.0.0.1 only). Nothing is hand-written and nothing was sent
to the internet.

Exception: sources that exist only in Python or Java (\`pydantic-ai/\`, \`spring-ai/\`, \`mlflow/\` (MLflow's own OpenAI autolog), and the \`traceloop-py__*\` files of \`openllmetry/\`) cannot run here.
Their files are **built from the source code**: \`scripts/capture/from-source/<source>.ts\` states, span
by span, what the source writes, citing repository, commit, file and line range for each attribute,
and replays it through the same OTel JS SDK, id generator and serializer (\`from-source/spans.ts\`;
durations there are fixed, not measured). Their section below names the repository and commit. The \`mlflow-tests__*\` files in \`langfuse/\`, \`livekit/\`, \`voltagent/\` and \`google-adk/\` hold the span data of
MLflow's own translator tests, one span per test case, with what each test asserts in a sibling
\`.expected.json\` (\`from-source/mlflow-tests.ts\`).

The framework sources \`google-adk/\`, \`gemini-cli/\`, \`claude-code/\` and \`livekit/\` are the real
packages tracing themselves against the same mock; Gemini CLI and Claude Code run as child processes
with their own OpenTelemetry SDK and export OTLP/HTTP JSON to a receiver on 127.0.0.1
(\`scripts/capture/otlp-receiver.ts\`), whose bodies are kept as sent apart from the normalisation below.

The framework folders \`langfuse/\`, \`voltagent/\`, \`mastra/\`, \`laminar/\` and \`strands/\` hold what
each framework's own tracing writes when its agents or wrappers run against the same mock; where a
framework builds its own tracer provider, the capture script hands it the in-memory exporter through
the framework's own option.

Files are OTLP/JSON request bodies exactly as an OTLP/HTTP JSON exporter sends
them: \`ExportTraceServiceRequest\` in \`*.otlp.json\`, \`ExportLogsServiceRequest\` in \`*.logs.json\`
(serialised with \`JsonTraceSerializer\` / \`JsonLogsSerializer\` from \`@opentelemetry/otlp-transformer\`).
Note that this serializer writes ids as hex strings and timestamps as decimal strings, but
\`intValue\` attribute values as plain JSON numbers (the protobuf JSON mapping would allow strings
there too; a reader should accept both).

<!-- Generated by scripts/capture/run.ts; edit the capture scripts, not this file. -->

## How to regenerate

\`\`\`sh
npm ci
npm ci --prefix scripts/capture/isolated/otel-openai-022
npm run capture
\`\`\`

This deletes the captured files, re-runs every capture (a few seconds) and rewrites this manifest.
The second install is @opentelemetry/instrumentation-openai 0.22, kept in its own package because its
peer dependency on @opentelemetry/api ^1.10 conflicts with the root's ~1.9.
A re-run gives the same files except for span durations and the offsets between spans, which are
real measurements. What is normalised for stability (see \`scripts/capture/harness.ts\`):

- trace/span ids come from a seeded generator (\`<instrumentation>/<scenario>\`), stable per file;
- timestamps are shifted so the earliest span of each file starts at 2025-01-01T00:00:00Z
  (log records of the same scenario are shifted by the same amount; durations are kept);
- the mock's random port is written as 8787 in attribute values (an ephemeral client port seen by
  a server span as 50000), and the checkout's absolute path in stack traces as \`/app\`;
- spans are listed in the order they were started.

The mock provider's replies are fixed (ids such as \`chatcmpl-fixture-0001\`, \`created\` =
2025-01-01, fixed texts and token counts). Scenario requests are shared by all instrumentations of
one SDK (\`scripts/capture/scenarios.ts\`), so files can be compared side by side. The error
scenarios send \`temperature: 5\`, which the mock rejects with HTTP 400 like the real APIs do.

## Instrumentations

${instrumentationSummary(records)}

## Files

${table(records)}
`;
}

const only = process.argv.slice(2);
const jobs = only.length > 0 ? JOBS.filter((job) => only.includes(job.name)) : JOBS;
if (only.length > 0 && jobs.length !== only.length) {
  throw new Error(`unknown capture name(s); known: ${JOBS.map((j) => j.name).join(", ")}`);
}

const started = Date.now();
if (only.length === 0) cleanFixtures();
for (const dir of new Set(jobs.flatMap((job) => (job.installDir !== undefined ? [job.installDir] : [])))) await ensureInstalled(dir);
const mock = await startMockProvider();
// Two captures at a time (the machine has two cores); results keep the JOBS order.
const results: FixtureRecord[][] = new Array<FixtureRecord[]>(jobs.length);
let next = 0;
const worker = async (): Promise<void> => {
  while (next < jobs.length) {
    const index = next++;
    results[index] = await runJob(jobs[index]!, mock.origin);
  }
};
try {
  await Promise.all([worker(), worker()]);
} finally {
  await mock.close();
}
const records = results.flat();

if (only.length === 0) writeFileSync(path.join(FIXTURES_DIR, "MANIFEST.md"), manifest(records));
console.log(table(records));
const written = records.filter((r) => r.skipped === undefined);
console.log(
  `\n${written.length} trace files, ${written.filter((r) => r.logsFile !== undefined).length} log files, ` +
    `${records.length - written.length} scenario(s) not captured, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
