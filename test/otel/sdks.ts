/**
 * The OTel JS SDK majors the otel tests run against: 2.x (`@opentelemetry/sdk-trace-base` /
 * `sdk-trace-node` 2.12) and 1.x (1.30.1, installed under the aliases `sdk-trace-base-v1` /
 * `sdk-trace-node-v1`). Each test builds its provider through one of these descriptors.
 */
import { NodeTracerProvider as NodeTracerProvider2 } from "@opentelemetry/sdk-trace-node";
import {
  BatchSpanProcessor as BatchSpanProcessor2,
  InMemorySpanExporter as InMemorySpanExporter2,
  SimpleSpanProcessor as SimpleSpanProcessor2,
} from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider as NodeTracerProvider1 } from "sdk-trace-node-v1";
import {
  BatchSpanProcessor as BatchSpanProcessor1,
  InMemorySpanExporter as InMemorySpanExporter1,
  SimpleSpanProcessor as SimpleSpanProcessor1,
} from "sdk-trace-base-v1";
import type { ReadableSpan, SpanExporter, SpanProcessor } from "../../src/otel/index.js";

export interface TestProvider {
  register(): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface MemoryExporter extends SpanExporter {
  getFinishedSpans(): ReadableSpan[];
}

export interface Sdk {
  readonly label: string;
  /** A registered NodeTracerProvider of this major with these processors. */
  provider(processors: SpanProcessor[]): TestProvider;
  memoryExporter(): MemoryExporter;
  simple(exporter: SpanExporter): SpanProcessor;
  batch(exporter: SpanExporter, config?: { scheduledDelayMillis?: number }): SpanProcessor;
}

type AnyCtor = new (...args: never[]) => unknown;
const make = <T>(ctor: AnyCtor, ...args: unknown[]): T => new (ctor as unknown as new (...a: unknown[]) => T)(...args);

export const SDK2: Sdk = {
  label: "SDK 2.x",
  provider: (processors) => make<TestProvider>(NodeTracerProvider2, { spanProcessors: processors }),
  memoryExporter: () => make<MemoryExporter>(InMemorySpanExporter2),
  simple: (exporter) => make<SpanProcessor>(SimpleSpanProcessor2, exporter),
  batch: (exporter, config) => make<SpanProcessor>(BatchSpanProcessor2, exporter, config),
};

export const SDK1: Sdk = {
  label: "SDK 1.x",
  provider: (processors) => make<TestProvider>(NodeTracerProvider1, { spanProcessors: processors }),
  memoryExporter: () => make<MemoryExporter>(InMemorySpanExporter1),
  simple: (exporter) => make<SpanProcessor>(SimpleSpanProcessor1, exporter),
  batch: (exporter, config) => make<SpanProcessor>(BatchSpanProcessor1, exporter, config),
};

export const SDKS: readonly Sdk[] = [SDK2, SDK1];
