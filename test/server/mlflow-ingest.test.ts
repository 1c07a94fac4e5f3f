/**
 * What `serve` forwards is what MLflow accepts: each forwarded protobuf request, decoded by the mock
 * and written as OTLP/JSON, goes through MLflow's own ingest path (../shared/peers/mlflow-py/ingest.py:
 * otel_api.export_traces, Span.from_otel_proto, the database-free half of log_spans). MLflow must take
 * every span, and store exactly the mlflow.* values the receiver wrote.
 */
import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { listFixtures, loadFixture } from "../helpers/fixtures.js";
import { attributeMap, MockMlflow, replayThroughSdk, startServe, waitFor } from "./helpers.js";

const PEER = "/work/shared/peers/mlflow-py";
const python = spawnSync("python3", ["--version"]).status === 0;
if (!python) console.warn("mlflow-ingest.test.ts: python3 is not installed; MLflow's ingest check cannot run here");

const SCRIPT = `
import json, sys
sys.path.insert(0, sys.argv[1])
from ingest import ingest_request
out = []
for line in sys.stdin:
    rows, traces = ingest_request(json.loads(line))
    out.append({"rows": rows, "traces": traces})
print(json.dumps(out, default=str))
`;

interface IngestResult {
  rows: Array<{ trace_id: string; span_id: string; name: string; attributes: Record<string, string> }>;
  traces: Array<{ trace_id: string; state: string; token_usage: Record<string, number> | null }>;
}

function mlflowIngest(requests: unknown[]): IngestResult[] {
  const run = spawnSync("python3", ["-c", SCRIPT, PEER], { input: requests.map((r) => JSON.stringify(r)).join("\n"), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`MLflow's ingest refused the request:\n${run.stderr}`);
  return JSON.parse(run.stdout) as IngestResult[];
}

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()!();
});

describe.runIf(python && existsSync(`${PEER}/ingest.py`))("MLflow's ingest accepts what serve forwards", () => {
  it("every span of every convention is stored, with the mlflow.* values the receiver wrote", async () => {
    const mlflow = await new MockMlflow().start();
    cleanup.push(() => mlflow.stop());
    const serve = await startServe({ mlflow: mlflow.url, experimentId: "0", joinWindowMs: 300 });
    cleanup.push(() => serve.close());
    let sent = 0;
    for (const dir of ["genai", "openinference", "openllmetry", "vercel-ai"]) {
      for (const fixture of listFixtures().filter((f) => f.id.startsWith(`${dir}/`) && !f.logsPath).slice(0, 3)) {
        sent += (await replayThroughSdk(loadFixture(fixture), new ProtoExporter({ url: `${serve.url}/v1/traces` }))).size;
      }
    }
    // One with its content in log records, joined by the receiver.
    const withLogs = listFixtures().find((f) => f.id === "genai/otel-openai__chat")!;
    await fetch(`${serve.url}/v1/traces`, { method: "POST", body: readFileSync(withLogs.tracePath), headers: { "content-type": "application/json" } });
    await fetch(`${serve.url}/v1/logs`, { method: "POST", body: readFileSync(withLogs.logsPath!), headers: { "content-type": "application/json" } });
    sent += 1;
    await waitFor(() => mlflow.spans().length === sent, `${sent} spans`);

    const results = mlflowIngest(mlflow.requests.map((r) => r.json));
    const rows = results.flatMap((r) => r.rows);
    expect(rows).toHaveLength(sent);
    const forwarded = new Map(mlflow.spans().map((s) => [s.spanId, s]));
    let compared = 0;
    for (const row of rows) {
      const ours = attributeMap(forwarded.get(row.span_id)!);
      expect(row.trace_id).toBe(`tr-${forwarded.get(row.span_id)!.traceId}`);
      for (const [key, value] of Object.entries(ours)) {
        if (!key.startsWith("mlflow.")) continue;
        // MLflow stores our value as it is (its sanitize step undoes the extra JSON layer of from_otel_proto).
        expect(row.attributes[key], `${row.name} ${key}`).toBe(value);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(sent * 2);
    const joined = rows.find((r) => r.span_id === "0d49b97419a40d3d")!;
    expect(JSON.parse(joined.attributes["mlflow.spanInputs"]!)).toHaveProperty("messages");
    const traces = results.flatMap((r) => r.traces);
    expect(traces.some((t) => t.token_usage !== null && t.token_usage.input_tokens! > 0)).toBe(true);
  });
});
