/**
 * The entry points: SpanLike -> MlflowSpan (`toMlflowSpan`, over every convention: pipeline/to-mlflow.ts
 * with the detector of READERS) and back (`fromMlflowSpan`, pipeline/from-mlflow.ts over CONVENTIONS).
 */
import { CONVENTIONS, type Convention, type EmitTarget, type MlflowSpan } from "../conventions/index.js";
import type { EmitOptions } from "../conventions/types.js";
import type { SpanLike } from "../otlp/span-like.js";
import { conventionOfKey, DETECTOR } from "./detect.js";
import { createFromMlflowSpan, isMlflowSpan as isCanonicalSpan } from "./from-mlflow.js";
import { createToMlflowSpan, type ToMlflowOptions } from "./to-mlflow.js";

export { runParser, type ToMlflowOptions } from "./to-mlflow.js";

/** `fromMlflowSpan` options: the target convention, and target-specific switches. */
export interface FromMlflowOptions extends EmitOptions {
  to: EmitTarget;
}

/** Translates one span (SDK ReadableSpan, decoded OTLP span or plain object) into an MlflowSpan, reading every convention. */
export const toMlflowSpan: (span: SpanLike, options?: ToMlflowOptions) => MlflowSpan = /* @__PURE__ */ createToMlflowSpan(DETECTOR);

export function isMlflowSpan(value: unknown): value is MlflowSpan {
  return isCanonicalSpan(value);
}

/** Writes a canonical span (or translates a span first) in the convention `options.to`. */
export const fromMlflowSpan: (span: MlflowSpan | SpanLike, options: FromMlflowOptions) => SpanLike = /* @__PURE__ */ createFromMlflowSpan<Convention, EmitTarget>(
  CONVENTIONS,
  toMlflowSpan,
  conventionOfKey,
);
