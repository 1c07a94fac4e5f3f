/**
 * Capture plumbing for sources that run in a child process with their own OpenTelemetry SDK
 * (Gemini CLI, Claude Code): a local OTLP/HTTP JSON receiver on 127.0.0.1 that keeps what the
 * child exports, and a writer that turns one scenario's received requests into fixture files.
 *
 * The files are the child's own OTLP/JSON bodies, merged (one resourceSpans per resource, one
 * scopeSpans per scope), with the same normalisation as harness.ts applies to in-process captures:
 *
 * - trace and span ids replaced by sha256(`<instrumentation>/<scenario>/…`) ids, in the order the
 *   spans started (log records point at the new ids);
 * - all times shifted so that the earliest span starts at 2025-01-01T00:00:00Z (log records by the
 *   same amount);
 * - in every string (attribute values, event attributes, log bodies, status messages, resource):
 *   the mock's port becomes 8787, the receiver's 4318, the caller's own replacements (temp
 *   directories, random session ids, ...) are applied, and wall-clock times written as text (ISO
 *   timestamps, epoch milli- or microseconds within a day of the capture, as in ids made from
 *   `Date.now()`) are shifted by the same offset as the span times;
 * - volatile resource attributes (process id, host name, ...) get fixed values;
 * - spans ordered by start time.
 *
 * Only JSON bodies are accepted (the children are configured for `http/json`); a protobuf body is
 * answered 415 and recorded as an error, so a misconfigured capture fails loudly.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";

import { type Convention, FIXTURES_DIR, type FixtureRecord, REPO_ROOT } from "./harness.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface OtlpReceiver {
  readonly origin: string;
  readonly port: number;
  /** ExportTraceServiceRequest bodies received since the last reset. */
  readonly traces: JsonObject[];
  /** ExportLogsServiceRequest bodies received since the last reset. */
  readonly logs: JsonObject[];
  /** Non-JSON bodies or unknown paths seen (should stay empty). */
  readonly problems: string[];
  reset(): void;
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const traces: JsonObject[] = [];
  const logs: JsonObject[] = [];
  const problems: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body = Buffer.concat(chunks);
      if (req.headers["content-encoding"] === "gzip") body = gunzipSync(body);
      const type = req.headers["content-type"] ?? "";
      const route = (req.url ?? "").split("?")[0];
      if (route === "/v1/metrics") {
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
        return;
      }
      if (!type.includes("json")) {
        problems.push(`${route}: content-type ${type}`);
        res.writeHead(415).end();
        return;
      }
      let parsed: Json;
      try {
        parsed = JSON.parse(body.toString("utf8")) as Json;
      } catch (error) {
        problems.push(`${route}: ${String(error)}`);
        res.writeHead(400).end();
        return;
      }
      if (route === "/v1/traces" && isObject(parsed)) traces.push(parsed);
      else if (route === "/v1/logs" && isObject(parsed)) logs.push(parsed);
      else problems.push(`unexpected ${req.method} ${route}`);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    traces,
    logs,
    problems,
    reset: () => {
      traces.length = 0;
      logs.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Normalisation and writing

const BASE_TIME_NS = 1_735_689_600n * 1_000_000_000n;

/** Resource attributes that differ per run or per machine, with the value written instead. */
const FIXED_RESOURCE: Readonly<Record<string, Json>> = {
  "process.pid": 4242,
  "host.name": "fixture-host",
  "host.id": "fixture-host-id",
  "process.owner": "fixture",
  "process.executable.path": "/usr/local/bin/node",
  "process.runtime.version": "20.0.0",
  "host.arch": "amd64",
  "os.version": "6.0.0",
  "service.instance.id": "fixture-instance",
};

export interface ChildCaptureOptions {
  readonly convention: Convention;
  readonly instrumentation: string;
  readonly scenario: string;
  readonly instrumentationPackages: readonly string[];
  readonly sdkPackage: string;
  readonly traces: readonly JsonObject[];
  readonly logs: readonly JsonObject[];
  /** Port numbers to canonicalise: the mock's (-> 8787) and the receiver's (-> 4318). */
  readonly mockPort: number;
  readonly receiverPort: number;
  /** Exact substrings to replace in every string, applied in order (longest first is wise). */
  readonly replacements: ReadonlyArray<readonly [string, string]>;
  readonly notes?: readonly string[];
  readonly instrumentationNotes?: readonly string[];
  /** Drops whole log records (e.g. ones that only describe the environment); default keeps all. */
  readonly keepLog?: (record: JsonObject) => boolean;
  /**
   * Random ids the source writes into strings (UUIDs, hashes): every match gets a stable stand-in of
   * the same shape, numbered in the order of first appearance (spans by start time, then log
   * records by time). Values starting with `00000000-0000-4000-8000-` (the captures' own fixed ids)
   * are left alone.
   */
  readonly randomIds?: readonly RegExp[];
}

interface Located {
  readonly resource: JsonObject;
  readonly scope: JsonObject;
  readonly item: JsonObject;
}

export function writeChildCapture(o: ChildCaptureOptions): FixtureRecord {
  const seed = `${o.instrumentation}/${o.scenario}`;
  const hash = (label: string, length: number): string =>
    createHash("sha256").update(`${seed}/${label}`).digest("hex").slice(0, length);

  const spans = flatten(o.traces, "resourceSpans", "scopeSpans", "spans");
  const records = flatten(o.logs, "resourceLogs", "scopeLogs", "logRecords").filter((r) => o.keepLog?.(r.item) ?? true);
  spans.sort((a, b) => compareNs(str(a.item["startTimeUnixNano"]), str(b.item["startTimeUnixNano"])));
  // Batches of log records can arrive in any order; time order is stable.
  records.sort((a, b) => compareNs(str(a.item["timeUnixNano"]), str(b.item["timeUnixNano"])));

  const spanIds = new Map<string, string>();
  const traceIds = new Map<string, string>();
  spans.forEach((s, i) => spanIds.set(str(s.item["spanId"]), hash(`span/${i}`, 16)));
  const mapTrace = (id: string): string => {
    if (id === "") return id;
    if (!traceIds.has(id)) traceIds.set(id, hash(`trace/${traceIds.size}`, 32));
    return traceIds.get(id)!;
  };
  const mapSpan = (id: string): string => {
    if (id === "") return id;
    if (!spanIds.has(id)) spanIds.set(id, hash(`external-span/${spanIds.size}`, 16));
    return spanIds.get(id)!;
  };

  let min: bigint | undefined;
  for (const s of spans) {
    const t = BigInt(str(s.item["startTimeUnixNano"]) || "0");
    if (min === undefined || t < min) min = t;
  }
  if (min === undefined) {
    for (const r of records) {
      const t = BigInt(str(r.item["timeUnixNano"]) || "0");
      if (t > 0n && (min === undefined || t < min)) min = t;
    }
  }
  const offset = BASE_TIME_NS - (min ?? BASE_TIME_NS);
  const shift = (v: Json | undefined): Json | undefined =>
    typeof v === "string" && /^\d+$/.test(v) && v !== "0" ? (BigInt(v) + offset).toString() : v;

  const replacements: Array<readonly [string, string]> = [
    ...o.replacements,
    [REPO_ROOT, "/app"],
  ];
  const portPattern = new RegExp(`(127\\.0\\.0\\.1|localhost):(${o.mockPort}|${o.receiverPort})(?!\\d)`, "g");
  // Wall-clock times inside strings (ISO timestamps, epoch milli- and microseconds in ids and
  // JSON) move by the same offset, when they fall within a day of the capture.
  const minMs = Number((min ?? BASE_TIME_NS) / 1_000_000n);
  const offsetMs = Number(offset / 1_000_000n);
  const near = (ms: number): boolean => Math.abs(ms - minMs) < 86_400_000;
  const shiftTimes = (value: string): string =>
    value
      .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z/g, (iso) => {
        const ms = Date.parse(iso);
        return Number.isNaN(ms) || !near(ms) ? iso : new Date(ms + offsetMs).toISOString();
      })
      .replace(/(?<!\d)1\d{12}(?!\d)/g, (digits) => (near(Number(digits)) ? String(Number(digits) + offsetMs) : digits))
      .replace(/(?<!\d)1\d{15}(?!\d)/g, (digits) =>
        near(Number(BigInt(digits) / 1000n)) ? (BigInt(digits) + BigInt(offsetMs) * 1000n).toString() : digits,
      );
  const stable = new Map<string, string>();
  const stableId = (value: string): string => {
    if (value.startsWith("00000000-0000-4000-8000-")) return value;
    if (!stable.has(value)) {
      const digest = hash(`random-id/${stable.size}`, 64);
      let i = 0;
      stable.set(value, value.replace(/[0-9a-fA-F]/g, () => digest[i++ % digest.length]!));
    }
    return stable.get(value)!;
  };
  const text = (value: string): string => {
    let out = value;
    for (const [from, to] of replacements) if (from.length > 0) out = out.split(from).join(to);
    out = shiftTimes(out);
    out = out.replace(portPattern, (_m, host: string, port: string) => `${host}:${Number(port) === o.mockPort ? 8787 : 4318}`);
    // Span and trace ids quoted in text (log attributes naming a span) follow the id mapping.
    out = out.replace(/\b[0-9a-f]{16}(?:[0-9a-f]{16})?\b/g, (id) => spanIds.get(id) ?? traceIds.get(id) ?? id);
    for (const pattern of o.randomIds ?? []) out = out.replace(pattern, stableId);
    return out;
  };
  const scrub = (value: Json): Json => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(scrub);
    if (isObject(value)) {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) out[k] = scrub(v);
      return out;
    }
    return value;
  };
  const fixResource = (resource: JsonObject): JsonObject => {
    const attributes = asArray(resource["attributes"]).filter(isObject).map((kv): JsonObject => {
      const key = str(kv["key"]);
      const fixed = FIXED_RESOURCE[key];
      if (fixed === undefined) return scrub(kv) as JsonObject;
      const value: JsonObject = typeof fixed === "number" ? { intValue: fixed } : { stringValue: String(fixed) };
      return { key, value };
    });
    return { ...resource, attributes };
  };

  const outSpans: Located[] = spans.map((s) => {
    const span: JsonObject = { ...(scrub(s.item) as JsonObject) };
    span["traceId"] = mapTrace(str(s.item["traceId"]));
    span["spanId"] = mapSpan(str(s.item["spanId"]));
    if (str(s.item["parentSpanId"]) !== "") span["parentSpanId"] = mapSpan(str(s.item["parentSpanId"]));
    span["startTimeUnixNano"] = shift(s.item["startTimeUnixNano"]) ?? null;
    span["endTimeUnixNano"] = shift(s.item["endTimeUnixNano"]) ?? null;
    if (Array.isArray(span["events"])) {
      span["events"] = span["events"].filter(isObject).map((e) => ({ ...e, timeUnixNano: shift(e["timeUnixNano"]) ?? null }));
    }
    if (Array.isArray(span["links"])) {
      span["links"] = span["links"]
        .filter(isObject)
        .map((l) => ({ ...l, traceId: mapTrace(str(l["traceId"])), spanId: mapSpan(str(l["spanId"])) }));
    }
    return { resource: fixResource(s.resource), scope: s.scope, item: span };
  });
  const outLogs: Located[] = records.map((r) => {
    const rec: JsonObject = { ...(scrub(r.item) as JsonObject) };
    if (str(r.item["traceId"]) !== "") rec["traceId"] = mapTrace(str(r.item["traceId"]));
    if (str(r.item["spanId"]) !== "") rec["spanId"] = mapSpan(str(r.item["spanId"]));
    if (r.item["timeUnixNano"] !== undefined) rec["timeUnixNano"] = shift(r.item["timeUnixNano"]) ?? null;
    if (r.item["observedTimeUnixNano"] !== undefined) rec["observedTimeUnixNano"] = shift(r.item["observedTimeUnixNano"]) ?? null;
    return { resource: fixResource(r.resource), scope: r.scope, item: rec };
  });

  const stem = `${o.instrumentation}__${o.scenario}`;
  const file = `${o.convention}/${stem}.otlp.json`;
  mkdirSync(path.join(FIXTURES_DIR, o.convention), { recursive: true });
  writeFileSync(path.join(FIXTURES_DIR, file), `${JSON.stringify({ resourceSpans: group(outSpans, "scopeSpans", "spans") }, null, 2)}\n`);
  let logsFile: string | undefined;
  if (outLogs.length > 0) {
    logsFile = `${o.convention}/${stem}.logs.json`;
    writeFileSync(path.join(FIXTURES_DIR, logsFile), `${JSON.stringify({ resourceLogs: group(outLogs, "scopeLogs", "logRecords") }, null, 2)}\n`);
  }

  const auto: string[] = [`spans: ${outSpans.map((s) => `"${str(s.item["name"])}"`).join(", ")}`];
  if (outSpans.some((s) => isObject(s.item["status"]) && s.item["status"]["code"] === 2)) auto.push("status ERROR");
  if (outLogs.length > 0) {
    const names = [...new Set(outLogs.map((l) => logName(l.item)))];
    auto.push(`${outLogs.length} log record(s): ${names.join(", ")}`);
  }
  return {
    file,
    ...(logsFile !== undefined ? { logsFile } : {}),
    convention: o.convention,
    instrumentation: o.instrumentation,
    instrumentationPackages: o.instrumentationPackages,
    sdkPackage: o.sdkPackage,
    scenario: o.scenario,
    spans: outSpans.length,
    logRecords: outLogs.length,
    notes: [...auto, ...(o.notes ?? [])],
    instrumentationNotes: o.instrumentationNotes ?? [],
  };
}

function logName(record: JsonObject): string {
  if (typeof record["eventName"] === "string" && record["eventName"] !== "") return record["eventName"];
  const attr = asArray(record["attributes"])
    .filter(isObject)
    .find((kv) => kv["key"] === "event.name");
  const value = attr !== undefined && isObject(attr["value"]) ? attr["value"]["stringValue"] : undefined;
  return typeof value === "string" ? value : "?";
}

function flatten(bodies: readonly JsonObject[], outer: string, middle: string, inner: string): Located[] {
  const out: Located[] = [];
  for (const body of bodies) {
    for (const r of asArray(body[outer]).filter(isObject)) {
      const resource = isObject(r["resource"]) ? r["resource"] : {};
      for (const s of asArray(r[middle]).filter(isObject)) {
        const scope = isObject(s["scope"]) ? s["scope"] : {};
        for (const item of asArray(s[inner]).filter(isObject)) out.push({ resource, scope, item });
      }
    }
  }
  return out;
}

/** Regroups located items by resource, then scope, keeping the items' order. */
function group(items: readonly Located[], middle: string, inner: string): JsonObject[] {
  const resources = new Map<string, { resource: JsonObject; scopes: Map<string, { scope: JsonObject; items: JsonObject[] }> }>();
  for (const { resource, scope, item } of items) {
    const rk = JSON.stringify(resource);
    if (!resources.has(rk)) resources.set(rk, { resource, scopes: new Map() });
    const scopes = resources.get(rk)!.scopes;
    const sk = JSON.stringify(scope);
    if (!scopes.has(sk)) scopes.set(sk, { scope, items: [] });
    scopes.get(sk)!.items.push(item);
  }
  return [...resources.values()].map(({ resource, scopes }) => ({
    resource,
    [middle]: [...scopes.values()].map(({ scope, items: list }) => ({ scope, [inner]: list })),
  }));
}

function compareNs(a: string, b: string): number {
  const x = BigInt(a || "0");
  const y = BigInt(b || "0");
  return x < y ? -1 : x > y ? 1 : 0;
}

function str(value: Json | undefined): string {
  return typeof value === "string" ? value : "";
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}
