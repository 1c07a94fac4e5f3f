/**
 * Shared plumbing for the capture scripts: an OpenTelemetry SDK that records into memory, stable
 * ids, and the writer that turns one scenario's spans (and log records) into an OTLP/JSON file.
 *
 * What the files contain, and what is normalised so that a re-run gives the same bytes:
 *
 * - Spans are serialised with `JsonTraceSerializer` from `@opentelemetry/otlp-transformer`, i.e.
 *   the exact `ExportTraceServiceRequest` body an OTLP/HTTP JSON exporter would POST (hex ids,
 *   64-bit integers as strings, ...). Log records likewise go through `JsonLogsSerializer` into an
 *   `ExportLogsServiceRequest`. Both are pretty-printed with two spaces.
 * - Trace and span ids come from a counter-seeded hash (`DeterministicIdGenerator`), re-seeded
 *   for every scenario with `<instrumentation>/<scenario>`, so they are stable between runs and
 *   distinct between files.
 * - Timestamps are rebased: all times of one scenario (span start/end, span events, log records)
 *   are shifted by the same amount so that the earliest span starts at 2025-01-01T00:00:00Z.
 *   Durations and relative offsets are the real ones and therefore still vary from run to run.
 * - The mock provider listens on a random port; in attribute values that port is rewritten to
 *   8787 (`127.0.0.1:8787`), and an ephemeral client port seen by the server side to 50000.
 * - Absolute paths of this checkout (they appear in exception stack traces) become `/app`.
 * - Spans are ordered by when they were started (the order their ids were generated), not by
 *   when they ended, which can race.
 *
 * Nothing else is touched: attribute names, values, span names, kinds, status and events are
 * exactly what the instrumentation produced.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import {
  type Attributes,
  type AttributeValue,
  type HrTime,
  context,
  propagation,
  trace,
} from "@opentelemetry/api";
import type { AnyValue, LogAttributes } from "@opentelemetry/api-logs";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { JsonLogsSerializer, JsonTraceSerializer } from "@opentelemetry/otlp-transformer";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  type ReadableLogRecord,
  SimpleLogRecordProcessor,
} from "@opentelemetry/sdk-logs";
import {
  BasicTracerProvider,
  type IdGenerator,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanProcessor,
  type TimedEvent,
} from "@opentelemetry/sdk-trace-base";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES_DIR = path.join(REPO_ROOT, "fixtures");

export type Convention =
  | "genai"
  | "openinference"
  | "openllmetry"
  | "vercel-ai"
  | "none"
  // Sources whose fixtures are built from their source code (scripts/capture/from-source/).
  | "pydantic-ai"
  | "spring-ai"
  // MLflow's own spans (mlflow.spanInputs / mlflow.spanOutputs ...), as its Python autologs write them.
  | "mlflow"
  // Framework sources MLflow reads (captured from the real packages, or MLflow's own test cases).
  | "langfuse"
  | "livekit"
  | "voltagent"
  | "google-adk"
  | "gemini-cli"
  | "claude-code"
  | "mastra"
  | "laminar"
  | "strands";

/** Scopes of the plain HTTP instrumentations; their spans carry no LLM convention. */
export const HTTP_SCOPES: ReadonlySet<string> = new Set([
  "@opentelemetry/instrumentation-undici",
  "@opentelemetry/instrumentation-http",
]);

/** 2025-01-01T00:00:00Z in nanoseconds since the epoch. */
const BASE_TIME_NS = 1_735_689_600n * 1_000_000_000n;
const CANONICAL_MOCK_PORT = 8787;
const CANONICAL_CLIENT_PORT = 50000;
const PORT_KEYS: ReadonlySet<string> = new Set([
  "server.port",
  "client.port",
  "url.port",
  "network.peer.port",
  "network.local.port",
  "net.peer.port",
  "net.host.port",
]);

// ---------------------------------------------------------------------------------------------
// Ids

/**
 * Ids derived from sha256(seed/kind/counter): look random, but a given seed always yields the
 * same sequence. `reset` starts a new sequence; `order` tells in which order span ids were made.
 */
export class DeterministicIdGenerator implements IdGenerator {
  private seed = "unseeded";
  private traceCounter = 0;
  private spanCounter = 0;
  private readonly spanOrder = new Map<string, number>();

  reset(seed: string): void {
    this.seed = seed;
    this.traceCounter = 0;
    this.spanCounter = 0;
    this.spanOrder.clear();
  }

  generateTraceId(): string {
    return this.hex(`trace/${this.traceCounter++}`, 32);
  }

  generateSpanId(): string {
    const id = this.hex(`span/${this.spanCounter}`, 16);
    this.spanOrder.set(id, this.spanCounter++);
    return id;
  }

  order(spanId: string): number {
    return this.spanOrder.get(spanId) ?? Number.MAX_SAFE_INTEGER;
  }

  private hex(label: string, length: number): string {
    return createHash("sha256").update(`${this.seed}/${label}`).digest("hex").slice(0, length);
  }
}

// ---------------------------------------------------------------------------------------------
// SDK setup

export interface Telemetry {
  readonly tracerProvider: BasicTracerProvider;
  readonly loggerProvider: LoggerProvider;
  readonly spanExporter: InMemorySpanExporter;
  readonly logExporter: InMemoryLogRecordExporter;
  readonly ids: DeterministicIdGenerator;
}

/**
 * Builds in-memory tracer and logger providers and registers the tracer provider, an
 * AsyncLocalStorage context manager (so HTTP spans nest under LLM spans) and the W3C propagator
 * as the process-wide globals. Call once per process, before creating instrumentations.
 */
export function setupTelemetry(
  serviceName: string,
  options: {
    /** Builds the span processor in front of the in-memory exporter (default: SimpleSpanProcessor). */
    readonly spanProcessor?: (exporter: InMemorySpanExporter) => SpanProcessor;
    /**
     * Extra resource attributes: a from-source capture presents the resource of the SDK its source runs
     * on (the Python or Java SDK's telemetry.sdk.* values) instead of this Node SDK's.
     */
    readonly resource?: Attributes;
  } = {},
): Telemetry {
  const resource = defaultResource().merge(resourceFromAttributes({ "service.name": serviceName, ...options.resource }));
  const ids = new DeterministicIdGenerator();
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    resource,
    idGenerator: ids,
    spanProcessors: [options.spanProcessor?.(spanExporter) ?? new SimpleSpanProcessor(spanExporter)],
  });
  const logExporter = new InMemoryLogRecordExporter();
  const loggerProvider = new LoggerProvider({
    resource,
    processors: [new SimpleLogRecordProcessor({ exporter: logExporter })],
  });

  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(tracerProvider);
  return { tracerProvider, loggerProvider, spanExporter, logExporter, ids };
}

/**
 * `name@version` of an installed package, read from its package.json in node_modules. For an npm
 * alias (`foo-0.22` -> `npm:@scope/foo@0.22.5`) this is the real package's name.
 */
export function packageVersion(installedAs: string, root: string = REPO_ROOT): string {
  // `root`: the folder whose node_modules holds the package (a capture installed apart has its own).
  const file = path.join(root, "node_modules", installedAs, "package.json");
  const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
  if (typeof pkg.name !== "string" || typeof pkg.version !== "string") throw new Error(`no name/version in ${file}`);
  return `${pkg.name}@${pkg.version}`;
}

/** Base URL of the mock provider, handed down by run.ts. */
export function mockOrigin(): string {
  const origin = process.env["MOCK_PROVIDER_URL"];
  if (origin === undefined || !/^http:\/\/127\.0\.0\.1:\d+$/.test(origin)) {
    throw new Error("MOCK_PROVIDER_URL must be http://127.0.0.1:<port>; run the captures via `npm run capture`");
  }
  return origin;
}

// ---------------------------------------------------------------------------------------------
// Running scenarios

export interface Scenario {
  readonly name: string;
  /** Makes the SDK calls. Errors the scenario expects must be caught inside. */
  readonly run: () => Promise<void>;
  /** Notes for the manifest, written after looking at what the instrumentation emitted. */
  readonly notes?: readonly string[];
}

export interface CaptureOptions {
  readonly telemetry: Telemetry;
  readonly convention: Convention;
  /** Fixture file prefix, e.g. `openinference-openai`. */
  readonly instrumentation: string;
  /** Installed packages, as `name@version`. */
  readonly instrumentationPackages: readonly string[];
  readonly sdkPackage: string;
  readonly scenarios: readonly Scenario[];
  /** Notes that apply to every file of this capture. */
  readonly notes?: readonly string[];
  /**
   * When true (default), a scenario whose spans all come from HTTP instrumentations counts as
   * "not traced" and no file is written for it.
   */
  readonly requireLlmSpans?: boolean;
}

export interface FixtureRecord {
  readonly file: string;
  readonly logsFile?: string;
  readonly convention: Convention;
  readonly instrumentation: string;
  readonly instrumentationPackages: readonly string[];
  readonly sdkPackage: string;
  readonly scenario: string;
  readonly spans: number;
  readonly logRecords: number;
  /** Remarks about this file. */
  readonly notes: readonly string[];
  /** Remarks that hold for every file of this instrumentation (`CaptureOptions.notes`). */
  readonly instrumentationNotes: readonly string[];
  /** Set when no file was written, with the reason. */
  readonly skipped?: string;
}

/** Marks the one line of a capture's stdout that run.ts parses. */
export const SUMMARY_PREFIX = "@@capture-summary ";

export async function runCapture(options: CaptureOptions): Promise<FixtureRecord[]> {
  const { telemetry } = options;
  const mockPort = Number(new URL(mockOrigin()).port);
  const records: FixtureRecord[] = [];

  for (const scenario of options.scenarios) {
    telemetry.ids.reset(`${options.instrumentation}/${scenario.name}`);
    telemetry.spanExporter.reset();
    telemetry.logExporter.reset();

    await scenario.run();
    // Some instrumentations end their span in a promise callback after the SDK call resolved.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await telemetry.tracerProvider.forceFlush();
    await telemetry.loggerProvider.forceFlush();

    const spans = [...telemetry.spanExporter.getFinishedSpans()].sort(
      (a, b) => telemetry.ids.order(a.spanContext().spanId) - telemetry.ids.order(b.spanContext().spanId),
    );
    const logs = [...telemetry.logExporter.getFinishedLogRecords()];
    const base: Omit<FixtureRecord, "file" | "spans" | "logRecords" | "notes"> = {
      instrumentationNotes: options.notes ?? [],
      convention: options.convention,
      instrumentation: options.instrumentation,
      instrumentationPackages: options.instrumentationPackages,
      sdkPackage: options.sdkPackage,
      scenario: scenario.name,
    };
    const fileStem = `${options.instrumentation}__${scenario.name}`;
    const llmSpans = spans.filter((s) => !HTTP_SCOPES.has(s.instrumentationScope.name));

    if ((options.requireLlmSpans ?? true) && llmSpans.length === 0) {
      records.push({
        ...base,
        file: `${options.convention}/${fileStem}.otlp.json`,
        spans: 0,
        logRecords: 0,
        notes: [...(scenario.notes ?? [])],
        skipped: `instrumentation emitted no span for this call (only ${spans.length} HTTP span(s))`,
      });
      continue;
    }

    const offset = BASE_TIME_NS - minStart(spans);
    const scrub = makeScrubber(mockPort);
    const dir = path.join(FIXTURES_DIR, options.convention);
    mkdirSync(dir, { recursive: true });

    const file = `${options.convention}/${fileStem}.otlp.json`;
    writeJson(path.join(FIXTURES_DIR, file), JsonTraceSerializer.serializeRequest(spans.map((s) => normaliseSpan(s, offset, scrub))));

    let logsFile: string | undefined;
    if (logs.length > 0) {
      logsFile = `${options.convention}/${fileStem}.logs.json`;
      writeJson(
        path.join(FIXTURES_DIR, logsFile),
        JsonLogsSerializer.serializeRequest(logs.map((l) => normaliseLog(l, offset, scrub))),
      );
    }

    records.push({
      ...base,
      file,
      ...(logsFile !== undefined ? { logsFile } : {}),
      spans: spans.length,
      logRecords: logs.length,
      notes: [...describe(spans, logs), ...(scenario.notes ?? [])],
    });
  }

  process.stdout.write(`${SUMMARY_PREFIX}${JSON.stringify(records)}\n`);
  return records;
}

/** Automatic, factual remarks about a scenario's spans, for the manifest. */
function describe(spans: readonly ReadableSpan[], logs: readonly ReadableLogRecord[]): string[] {
  const notes: string[] = [];
  const llm = spans.filter((s) => !HTTP_SCOPES.has(s.instrumentationScope.name));
  const http = spans.length - llm.length;
  notes.push(`spans: ${spans.map((s) => `"${s.name}"`).join(", ")}`);
  if (http > 0) notes.push(`${http} plain HTTP span(s)`);
  const tokenKeys = new Set(
    llm.flatMap((s) => Object.keys(s.attributes).filter((k) => /token/i.test(k) && typeof s.attributes[k] === "number")),
  );
  if (llm.length > 0 && tokenKeys.size === 0) notes.push("no token-count attributes");
  if (spans.some((s) => s.status.code === 2)) notes.push("status ERROR");
  if (spans.some((s) => s.events.some((e) => e.name === "exception"))) notes.push("exception event");
  if (logs.length > 0) {
    const names = [...new Set(logs.map((l) => l.eventName ?? String(l.attributes["event.name"] ?? "?")))];
    notes.push(`${logs.length} log record(s): ${names.join(", ")}`);
  }
  return notes;
}

function minStart(spans: readonly ReadableSpan[]): bigint {
  let min: bigint | undefined;
  for (const span of spans) {
    const t = toNs(span.startTime);
    if (min === undefined || t < min) min = t;
  }
  return min ?? BASE_TIME_NS;
}

function writeJson(file: string, bytes: Uint8Array | undefined): void {
  if (bytes === undefined) throw new Error(`serializer returned nothing for ${file}`);
  const parsed: unknown = JSON.parse(Buffer.from(bytes).toString("utf8"));
  writeFileSync(file, `${JSON.stringify(parsed, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Normalisation (see the header comment)

function toNs(time: HrTime): bigint {
  return BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
}

function fromNs(ns: bigint): HrTime {
  return [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)];
}

function shift(time: HrTime, offset: bigint): HrTime {
  return fromNs(toNs(time) + offset);
}

interface Scrubber {
  text(value: string): string;
  attributes(attrs: Attributes): Attributes;
}

function makeScrubber(mockPort: number): Scrubber {
  const hostPort = new RegExp(`(127\\.0\\.0\\.1|localhost):${mockPort}(?!\\d)`, "g");
  const repoRoot = REPO_ROOT;
  const text = (value: string): string =>
    value.replace(hostPort, `$1:${CANONICAL_MOCK_PORT}`).split(repoRoot).join("/app");
  const value = (key: string, v: AttributeValue | undefined): AttributeValue | undefined => {
    if (typeof v === "string") return text(v);
    if (typeof v === "number" && PORT_KEYS.has(key)) return v === mockPort ? CANONICAL_MOCK_PORT : CANONICAL_CLIENT_PORT;
    if (Array.isArray(v)) return v.map((item: unknown) => (typeof item === "string" ? text(item) : item)) as AttributeValue;
    return v;
  };
  return {
    text,
    attributes: (attrs) => {
      const out: Attributes = {};
      for (const [key, v] of Object.entries(attrs)) out[key] = value(key, v);
      return out;
    },
  };
}

function normaliseSpan(span: ReadableSpan, offset: bigint, scrub: Scrubber): ReadableSpan {
  const events: TimedEvent[] = span.events.map((event) => ({
    ...event,
    time: shift(event.time, offset),
    ...(event.attributes !== undefined ? { attributes: scrub.attributes(event.attributes) } : {}),
  }));
  const spanContext = span.spanContext();
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => spanContext,
    ...(span.parentSpanContext !== undefined ? { parentSpanContext: span.parentSpanContext } : {}),
    startTime: shift(span.startTime, offset),
    endTime: shift(span.endTime, offset),
    status: span.status.message !== undefined ? { ...span.status, message: scrub.text(span.status.message) } : span.status,
    attributes: scrub.attributes(span.attributes),
    links: span.links,
    events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

function scrubAnyValue(value: AnyValue, scrub: Scrubber): AnyValue {
  if (typeof value === "string") return scrub.text(value);
  if (Array.isArray(value)) return value.map((item) => scrubAnyValue(item, scrub));
  if (value !== null && typeof value === "object" && !(value instanceof Uint8Array)) {
    const out: LogAttributes = {};
    for (const [key, item] of Object.entries(value)) out[key] = item === undefined ? item : scrubAnyValue(item, scrub);
    return out;
  }
  return value;
}

function normaliseLog(record: ReadableLogRecord, offset: bigint, scrub: Scrubber): ReadableLogRecord {
  const attributes: LogAttributes = {};
  for (const [key, value] of Object.entries(record.attributes)) {
    attributes[key] = value === undefined ? value : scrubAnyValue(value, scrub);
  }
  // Log records are class instances with getters, so copy field by field rather than spreading.
  return {
    hrTime: shift(record.hrTime, offset),
    hrTimeObserved: shift(record.hrTimeObserved, offset),
    ...(record.spanContext !== undefined ? { spanContext: record.spanContext } : {}),
    ...(record.severityText !== undefined ? { severityText: record.severityText } : {}),
    ...(record.severityNumber !== undefined ? { severityNumber: record.severityNumber } : {}),
    ...(record.body !== undefined ? { body: scrubAnyValue(record.body, scrub) } : {}),
    ...(record.eventName !== undefined ? { eventName: record.eventName } : {}),
    attributes,
    droppedAttributesCount: record.droppedAttributesCount,
    resource: record.resource,
    instrumentationScope: record.instrumentationScope,
  };
}
