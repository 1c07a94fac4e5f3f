/**
 * `MlflowSpanProcessor`: sits in an OTel SDK tracer provider, and as each span ends adds the `mlflow.*`
 * attributes MLflow stores (span type, inputs, outputs, token usage, model, provider, tools) to the
 * spans that use an LLM convention, keeping every other attribute, then hands the span to a stock
 * batch or simple span processor around the exporter. The SDK span is never modified: the processor
 * hands on an object that presents the span with the extra attributes, computed when the exporter first
 * reads them (see presentLazily).
 */
import { diag, type Context } from "@opentelemetry/api";
import type { MlflowSpan } from "../index.js";
import { MlflowExporter } from "./exporter.js";
import { loadOptional } from "./load.js";
import { GenAiLogStore, logRecordProcessorFor, type LogRecordProcessor } from "./logs.js";
import { presentLazily, translateSdkSpan } from "./readable.js";
import type { ReadableSpan, SdkReadableSpan, SpanExporter, SpanProcessor } from "./types.js";

/**
 * Which ended spans go on to the exporter:
 * - `"llm"` (default): spans that use an LLM convention (OTel GenAI, OpenInference, OpenLLMetry, the AI
 *   SDK's `ai.*` keys, MLflow's own `mlflow.*` keys);
 * - `"all"`: every span, HTTP and DB spans too (untouched, without `mlflow.*` attributes);
 * - a function: called with the presented span and its translation (`translated.conventions` is empty
 *   for spans without an LLM convention); a span is kept when it returns true.
 */
export type SpanFilter = "llm" | "all" | ((span: ReadableSpan, translated: MlflowSpan | undefined) => boolean);

/** `BatchSpanProcessor` settings, as the SDK names them. */
export interface BatchOptions {
  maxQueueSize?: number;
  maxExportBatchSize?: number;
  scheduledDelayMillis?: number;
  exportTimeoutMillis?: number;
}

export interface MlflowSpanProcessorOptions {
  /** Where spans go (default: `new MlflowExporter()`, configured from the MLFLOW_* environment variables). */
  exporter?: SpanExporter;
  /**
   * `"batch"` (default): a stock `BatchSpanProcessor`, which exports in the background;
   * `"simple"`: a stock `SimpleSpanProcessor`, one export per span (tests, short scripts).
   */
  mode?: "batch" | "simple";
  /** Settings of the batch processor. */
  batch?: BatchOptions;
  /**
   * A span processor of your own to hand the spans to instead (then `exporter`, `mode` and `batch`
   * are not used), e.g. a `BatchSpanProcessor` from the SDK major your app runs.
   */
  processor?: SpanProcessor;
  spanFilter?: SpanFilter;
}

type ProcessorClass = new (exporterOrOptions: SpanExporter | (BatchOptions & { exporter: SpanExporter }), config?: BatchOptions) => SpanProcessor;

interface SdkProcessors {
  BatchSpanProcessor: ProcessorClass;
  SimpleSpanProcessor: ProcessorClass;
}

export class MlflowSpanProcessor implements SpanProcessor {
  readonly #inner: SpanProcessor;
  readonly #filter: SpanFilter;
  readonly #logs = new GenAiLogStore();
  #logProcessor: LogRecordProcessor | undefined;

  constructor(options: MlflowSpanProcessorOptions = {}) {
    const filter = options.spanFilter ?? "llm";
    if (filter !== "llm" && filter !== "all" && typeof filter !== "function") {
      throw new TypeError(`MlflowSpanProcessor: spanFilter must be "llm", "all" or a function; got ${JSON.stringify(filter)}`);
    }
    const mode = options.mode ?? "batch";
    if (mode !== "batch" && mode !== "simple") {
      throw new TypeError(`MlflowSpanProcessor: mode must be "batch" or "simple"; got ${JSON.stringify(mode)}`);
    }
    this.#filter = filter;
    if (options.processor) this.#inner = options.processor;
    else {
      // sdk-trace-base (SDK 1.x, 2.x) takes the exporter and the settings as two arguments;
      // @opentelemetry/sdk-trace (its successor, the only one in SDK 3.x) takes one options object.
      const { module: sdk, name } = loadOptional<SdkProcessors>(
        ["@opentelemetry/sdk-trace-base", "@opentelemetry/sdk-trace"],
        "MlflowSpanProcessor",
        "@opentelemetry/sdk-trace-base",
      );
      const exporter = options.exporter ?? new MlflowExporter();
      const Processor = mode === "simple" ? sdk.SimpleSpanProcessor : sdk.BatchSpanProcessor;
      const settings = mode === "batch" ? options.batch : undefined;
      this.#inner = name === "@opentelemetry/sdk-trace" ? new Processor({ ...settings, exporter }) : new Processor(exporter, settings);
    }
  }

  /**
   * A LogRecordProcessor for the app's LoggerProvider (`@opentelemetry/sdk-logs`): GenAI events that
   * instrumentations write as log records (the contrib OpenAI instrumentation's prompts and choices)
   * are then part of their span's translation (`mlflow.spanInputs` / `mlflow.spanOutputs`).
   */
  get logRecordProcessor(): LogRecordProcessor {
    this.#logProcessor ??= logRecordProcessorFor(this.#logs);
    return this.#logProcessor;
  }

  onStart(span: unknown, parentContext: Context): void {
    try {
      this.#inner.onStart(span, parentContext);
    } catch (error) {
      diag.error("mlflow-semconv: the wrapped span processor failed in onStart", error);
    }
  }

  onEnd(span: SdkReadableSpan): void {
    try {
      const logEvents = this.#logs.size > 0 ? this.#logs.take(span.spanContext().spanId) : undefined;
      if (typeof this.#filter === "function") {
        // A filter function is given the translation, so it is made now.
        const { span: presented, mlflow, llm } = translateSdkSpan(span, logEvents);
        if (!this.#keep(presented, mlflow, llm)) return;
        this.#inner.onEnd(presented);
        return;
      }
      const { span: presented, llm } = presentLazily(span, logEvents);
      if (!this.#keep(presented, undefined, llm)) return;
      this.#inner.onEnd(presented);
    } catch (error) {
      diag.error("mlflow-semconv: a span could not be handed to the exporter", error);
    }
  }

  #keep(span: ReadableSpan, mlflow: MlflowSpan | undefined, llm: boolean): boolean {
    const filter = this.#filter;
    if (filter === "all") return true;
    if (filter === "llm") return llm;
    try {
      return filter(span, mlflow) === true;
    } catch (error) {
      diag.error(`mlflow-semconv: spanFilter threw on span "${span.name}"; the span is not exported`, error);
      return false;
    }
  }

  forceFlush(): Promise<void> {
    return settle(() => this.#inner.forceFlush(), "forceFlush");
  }

  shutdown(): Promise<void> {
    return settle(() => this.#inner.shutdown(), "shutdown");
  }
}

/** The same processor with `mode: "batch"`. */
export class MlflowBatchSpanProcessor extends MlflowSpanProcessor {
  constructor(options: Omit<MlflowSpanProcessorOptions, "mode"> = {}) {
    super({ ...options, mode: "batch" });
  }
}

/** The same processor with `mode: "simple"`: one export per ended span. */
export class MlflowSimpleSpanProcessor extends MlflowSpanProcessor {
  constructor(options: Omit<MlflowSpanProcessorOptions, "mode" | "batch"> = {}) {
    super({ ...options, mode: "simple" });
  }
}

/** Runs a flush or shutdown of the wrapped processor; its failure is reported, never thrown at the app. */
async function settle(run: () => Promise<void>, what: string): Promise<void> {
  try {
    await run();
  } catch (error) {
    diag.error(`mlflow-semconv: ${what} of the wrapped span processor failed`, error);
  }
}
