/**
 * The dispatch tables: one parser per source convention, one emitter per target. A new convention
 * adds one line here (and its own folder); nothing else changes.
 */
import type { Convention, MlflowSpan } from "../canonical/span.js";
import type { SpanLike } from "../otlp/span-like.js";
import type { ParseContext } from "../readers/context.js";
import { parseMlflow } from "../conventions/mlflow/parse.js";
import { toMlflowAttributes } from "../conventions/mlflow/encode.js";
import { parseGenAi } from "../conventions/genai/parse/index.js";
import { emitGenAi } from "../conventions/genai/emit.js";
import { parseOpenInference } from "../conventions/openinference/parse/index.js";
import { emitOpenInference } from "../conventions/openinference/emit.js";
import { parseOpenLlmetry } from "../conventions/openllmetry/parse/index.js";
import { emitOpenLlmetry } from "../conventions/openllmetry/emit.js";
import { parseVercelAi } from "../conventions/vercel-ai/parse/index.js";

export type Parser = (ctx: ParseContext) => void;

export const EMIT_TARGETS = ["genai", "openinference", "openllmetry", "mlflow"] as const;
export type EmitTarget = (typeof EMIT_TARGETS)[number];

export interface EmitOptions {
  to: EmitTarget;
  /** GenAI only: also write the deprecated attributes some backends still read. */
  includeDeprecated?: boolean;
}
export type Emitter = (span: MlflowSpan, options: EmitOptions) => SpanLike;

export const PARSERS: Partial<Record<Convention, Parser>> = {
  mlflow: parseMlflow,
  genai: parseGenAi,
  openinference: parseOpenInference,
  openllmetry: parseOpenLlmetry,
  // Parse only: nothing is emitted in the AI SDK's ai.* keys (no EMITTERS entry).
  "vercel-ai": parseVercelAi,
};

export const EMITTERS: Partial<Record<EmitTarget, Emitter>> = {
  mlflow: (span) => ({ ...envelopeOf(span), attributes: toMlflowAttributes(span) }),
  genai: emitGenAi,
  openinference: emitOpenInference,
  openllmetry: emitOpenLlmetry,
};

/** The span envelope (everything but the translated fields), for emitters to start from. */
export function envelopeOf(span: MlflowSpan): Omit<SpanLike, "attributes"> {
  const out: Omit<SpanLike, "attributes"> = { name: span.name };
  if (span.events) out.events = span.events;
  if (span.status) out.status = span.status;
  if (span.kind) out.kind = span.kind;
  if (span.traceId) out.traceId = span.traceId;
  if (span.spanId) out.spanId = span.spanId;
  if (span.parentSpanId) out.parentSpanId = span.parentSpanId;
  if (span.startTimeUnixNano) out.startTimeUnixNano = span.startTimeUnixNano;
  if (span.endTimeUnixNano) out.endTimeUnixNano = span.endTimeUnixNano;
  if (span.scope) out.scope = span.scope;
  if (span.resource) out.resource = span.resource;
  return out;
}
