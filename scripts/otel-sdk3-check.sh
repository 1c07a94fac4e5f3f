#!/usr/bin/env bash
# End-to-end check of mlflow-semconv/otel on OTel JS SDK 3.x, outside this repository (3.x needs
# @opentelemetry/api 1.10, which cannot be installed next to the api 1.9 pinned here): packs the
# built package, installs it with @opentelemetry/sdk-trace 3.1.1 and exporter-trace-otlp-proto 0.301.2
# in a temporary directory, and sends a GenAI span to a local mock MLflow endpoint (127.0.0.1, port 0).
# Usage: npm run build && scripts/otel-sdk3-check.sh   (exit 0 when every check holds)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
tarball="$(cd "$root" && npm pack --silent --pack-destination "$dir")"
cd "$dir"
echo '{ "name": "otel-sdk3-check", "private": true, "type": "module" }' > package.json
npm install --silent --no-audit --no-fund @opentelemetry/api@1.10.0 @opentelemetry/sdk-trace@3.1.1 \
  @opentelemetry/exporter-trace-otlp-proto@0.301.2 "./$tarball" >/dev/null 2>&1
cat > check.mjs <<'JS'
import http from "node:http";
import { ROOT_CONTEXT, trace } from "@opentelemetry/api";
import { TracerProvider } from "@opentelemetry/sdk-trace";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { MlflowExporter, MlflowSpanProcessor, toReadableSpan } from "mlflow-semconv/otel";

const requests = [];
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("latin1") });
    res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const provider = new TracerProvider({
  spanProcessors: [new MlflowSpanProcessor({ exporter: new MlflowExporter({ trackingUri: `http://127.0.0.1:${server.address().port}`, experimentId: "5" }) })],
});
const tracer = provider.getTracer("sdk3-check");
const root = tracer.startSpan("GET /ask", { attributes: { "http.request.method": "GET" } });
tracer.startSpan("chat gpt-4o", { attributes: {
  "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 3, "gen_ai.usage.output_tokens": 4,
  "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "hi" }] }]),
  "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "hello" }], finish_reason: "stop" }]),
} }, trace.setSpan(ROOT_CONTEXT, root)).end();
root.end();
await provider.shutdown();
server.close();
const body = requests.map((r) => r.body).join("");
const checks = {
  oneRequest: requests.length === 1,
  experimentHeader: requests[0]?.headers["x-mlflow-experiment-id"] === "5",
  protobuf: requests[0]?.headers["content-type"] === "application/x-protobuf",
  spanType: body.includes('"CHAT_MODEL"'),
  inputs: body.includes("mlflow.spanInputs"),
  outputs: body.includes("mlflow.spanOutputs"),
  tokenUsage: body.includes('{"input_tokens":3,"output_tokens":4,"total_tokens":7}'),
  httpSpanLeftOut: !body.includes("GET /ask"),
  toReadableSpanSerializes: (ProtobufTraceSerializer.serializeRequest([toReadableSpan({ attributes: { "gen_ai.operation.name": "chat" } }, { to: "openinference" })])?.length ?? 0) > 0,
};
console.log(JSON.stringify(checks));
process.exit(Object.values(checks).every(Boolean) ? 0 : 1);
JS
node check.mjs
