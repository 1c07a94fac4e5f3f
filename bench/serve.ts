/**
 * `npm run bench:serve [-- --seconds 60 --concurrency 4 --spans-per-request 100 --join-window-ms 2000]`
 *
 * Sustained spans/s through `mlflow-semconv serve` (a child process, as deployed): OTLP protobuf
 * requests in (the captured fixture spans, about half of them non-LLM HTTP spans as in a real trace,
 * each request with fresh ids), protobuf out to a mock MLflow in this process that only counts spans.
 * Reports spans accepted and spans delivered per second, and the receiver's peak RSS (VmHWM).
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { decodeOtlpJson, type DecodedSpan } from "../src/index.js";
import { encodeTraceRequest } from "../src/server/codec.js";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    concurrency: { type: "string", default: "4" },
    "spans-per-request": { type: "string", default: "100" },
    "join-window-ms": { type: "string", default: "2000" },
    bodies: { type: "string", default: "400" },
  },
});
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const PER_REQUEST = Number(values["spans-per-request"]);
const ROOT = new URL("..", import.meta.url).pathname;

function loadAll(dir: string): DecodedSpan[] {
  const spans: DecodedSpan[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) spans.push(...loadAll(path));
    else if (entry.name.endsWith(".otlp.json")) {
      const logs = path.replace(/\.otlp\.json$/, ".logs.json");
      spans.push(...decodeOtlpJson(readFileSync(path, "utf8"), existsSync(logs) ? { logs: readFileSync(logs, "utf8") } : {}));
    }
  }
  return spans;
}

const hex = (n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(Math.random() * 16)];
  return s;
};

/** Pre-encoded request bodies: fixture spans plus plain HTTP spans, fresh trace and span ids in each. */
function buildBodies(count: number): Uint8Array[] {
  const llm = loadAll(join(ROOT, "fixtures"));
  const http: DecodedSpan = {
    name: "GET /api/items",
    kind: "SERVER",
    attributes: { "http.request.method": "GET", "url.path": "/api/items", "http.response.status_code": 200, "server.address": "app.internal" },
    events: [],
    startTimeUnixNano: "1735689600000000000",
    endTimeUnixNano: "1735689600004000000",
  };
  const bodies: Uint8Array[] = [];
  let k = 0;
  for (let b = 0; b < count; b++) {
    const spans: DecodedSpan[] = [];
    const traceId = hex(32);
    for (let i = 0; i < PER_REQUEST; i++) {
      const source = i % 2 === 0 ? llm[k++ % llm.length]! : http;
      spans.push({ ...source, traceId, spanId: hex(16), parentSpanId: undefined });
    }
    bodies.push(encodeTraceRequest(spans));
  }
  return bodies;
}

/** Counts the spans of an ExportTraceServiceRequest by walking the wire format (resource_spans 1 > scope_spans 2 > spans 2). */
function countSpans(buf: Buffer): number {
  let count = 0;
  const walk = (start: number, end: number, depth: number) => {
    let pos = start;
    while (pos < end) {
      let tag = 0;
      let shift = 0;
      let b: number;
      do {
        b = buf[pos++]!;
        tag += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      const wire = tag % 8;
      const field = Math.floor(tag / 8);
      if (wire === 2) {
        let len = 0;
        shift = 0;
        do {
          b = buf[pos++]!;
          len += (b & 0x7f) * 2 ** shift;
          shift += 7;
        } while (b & 0x80);
        if (depth === 0 && field === 1) walk(pos, pos + len, 1);
        else if (depth === 1 && field === 2) walk(pos, pos + len, 2);
        else if (depth === 2 && field === 2) count++;
        pos += len;
      } else if (wire === 0) {
        while (buf[pos++]! & 0x80);
      } else if (wire === 1) pos += 8;
      else if (wire === 5) pos += 4;
      else return;
    }
  };
  walk(0, buf.length, 0);
  return count;
}

async function main(): Promise<void> {
  process.stderr.write(`bench:serve: building ${values.bodies} request bodies of ${PER_REQUEST} spans...\n`);
  const bodies = buildBodies(Number(values.bodies));
  let delivered = 0;
  const mock = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      delivered += countSpans(Buffer.concat(chunks));
      res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>((r) => mock.listen(0, "127.0.0.1", () => r()));
  const mlflowUrl = `http://127.0.0.1:${(mock.address() as AddressInfo).port}`;

  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", "--mlflow", mlflowUrl, "--experiment-id", "0", "--port", "0", "--progress-ms", "0", "--join-window-ms", values["join-window-ms"]!],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const started = Date.now();
  while (!/listening on (http:\/\/\S+)/.test(stderr)) {
    if (child.exitCode !== null || Date.now() - started > 30_000) throw new Error(`serve did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /listening on (http:\/\/\S+)/.exec(stderr)![1]!;

  const peakRss = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  };

  let accepted = 0;
  let busy = 0;
  let next = 0;
  const end = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const body = bodies[next++ % bodies.length]!;
      const response = await fetch(`${url}/v1/traces`, { method: "POST", body, headers: { "content-type": "application/x-protobuf" } });
      await response.arrayBuffer();
      if (response.status === 200) accepted += PER_REQUEST;
      else if (response.status === 503) {
        busy++;
        await new Promise((r) => setTimeout(r, 50));
      } else throw new Error(`serve answered ${response.status}`);
    }
  };
  const t0 = performance.now();
  const ticker = setInterval(() => process.stderr.write(`bench:serve: ${Math.round((performance.now() - t0) / 1000)} s: accepted ${accepted}, delivered ${delivered}, peak RSS ${(peakRss() / 1048576).toFixed(0)} MiB\n`), 5000);
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  const deliveredAtEnd = delivered;
  clearInterval(ticker);
  const rss = peakRss();
  // Drain: SIGTERM flushes what is buffered; every accepted span must arrive.
  child.kill("SIGTERM");
  const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
  mock.close();
  const row = {
    seconds: Number(elapsed.toFixed(1)),
    concurrency: CONCURRENCY,
    spansPerRequest: PER_REQUEST,
    joinWindowMs: Number(values["join-window-ms"]),
    acceptedSpansPerSecond: Math.round(accepted / elapsed),
    deliveredSpansPerSecond: Math.round(deliveredAtEnd / elapsed),
    peakRssMiB: Number((rss / 1048576).toFixed(1)),
    busy503: busy,
    deliveredAfterSigterm: delivered,
    accepted,
    lost: accepted - delivered,
    exitCode: code,
  };
  process.stdout.write(`serve  ${row.acceptedSpansPerSecond} spans/s in, ${row.deliveredSpansPerSecond} spans/s out (protobuf in and out), peak RSS ${row.peakRssMiB} MiB over ${row.seconds} s; lost ${row.lost}\n`);
  process.stdout.write(`${JSON.stringify(row)}\n`);
  if (row.lost !== 0 || code !== 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:serve: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
