/**
 * `validateSpan`: what a CI check asks: "does this span carry what MLflow needs?". It translates the
 * span and turns missing required fields into `missing-field` errors.
 */
import type { Convention, Diagnostic } from "../span.js";
import type { SpanLike } from "../otlp/span-like.js";
import { toMlflowSpan } from "./translate.js";

export const REQUIRABLE_FIELDS = ["spanType", "inputs", "outputs", "tokenUsage", "model", "provider", "tools"] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

export interface ValidateOptions {
  /** The convention the span is expected to follow. */
  convention?: Convention;
  /** Canonical fields that must come out of the translation. */
  require?: readonly RequirableField[];
}

export function validateSpan(span: SpanLike, options: ValidateOptions = {}): Diagnostic[] {
  for (const field of options.require ?? []) {
    if (!(REQUIRABLE_FIELDS as readonly string[]).includes(field)) {
      throw new TypeError(`validateSpan: unknown required field "${field}"; use one of ${REQUIRABLE_FIELDS.join(", ")}`);
    }
  }
  const translated = toMlflowSpan(span);
  const diagnostics = [...translated.diagnostics];
  const where = (d: Diagnostic): Diagnostic => {
    if (translated.name) d.spanName = translated.name;
    if (translated.spanId) d.spanId = translated.spanId;
    return d;
  };
  if (options.convention && !translated.conventions.includes(options.convention)) {
    diagnostics.push(
      where({
        code: "convention-missing",
        severity: "error",
        message: `expected ${options.convention} attributes; found ${translated.conventions.join(", ") || "none"}`,
      }),
    );
  }
  for (const field of options.require ?? []) {
    const missing = field === "spanType" ? translated.spanType === "UNKNOWN" : translated[field] === undefined;
    if (missing) {
      diagnostics.push(where({ code: "missing-field", severity: "error", message: `the translated span has no ${field}` }));
    }
  }
  return diagnostics;
}
