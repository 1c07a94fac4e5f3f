/**
 * Test matchers (subpath `mlflow-semconv/vitest`). Plain matcher functions returning `{ pass, message }`
 * and importing nothing from a test runner, so both vitest's and jest's `expect.extend` take them
 * (test/testing/jest.test.ts runs them through jest's `expect` package):
 *
 *   import { mlflowMatchers } from "mlflow-semconv/vitest";
 *   expect.extend(mlflowMatchers);
 *   expect(spans).toTranslateToMlflow({ require: ["inputs", "outputs", "tokenUsage"] });
 */
import type { Diagnostic, Severity } from "../canonical/span.js";
import type { SpanLike } from "../otlp/span-like.js";
import { validateSpan, type ValidateOptions } from "../pipeline/validate.js";

export interface TranslateExpectation extends ValidateOptions {
  /** Lowest severity that fails the assertion (default "error"). */
  failOn?: Severity;
  /** Diagnostic codes a team accepts (e.g. "deprecated-attribute"), as the CLI's --ignore. */
  ignore?: readonly string[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function toTranslateToMlflow(received: unknown, expectation: TranslateExpectation = {}): MatcherResult {
  const spans = (Array.isArray(received) ? received : [received]) as SpanLike[];
  if (spans.length === 0) {
    return { pass: false, message: () => "expected at least one span, got an empty list" };
  }
  const failOn = RANK[expectation.failOn ?? "error"];
  const failures: Diagnostic[] = [];
  for (const span of spans) {
    for (const d of validateSpan(span, expectation)) if (RANK[d.severity] >= failOn && !expectation.ignore?.includes(d.code)) failures.push(d);
  }
  const list = failures
    .slice(0, 20)
    .map((d) => `  - ${d.severity} ${d.code}${d.key ? ` [${d.key}]` : ""} on span "${d.spanName ?? ""}": ${d.message}`)
    .join("\n");
  return {
    pass: failures.length === 0,
    message: () =>
      failures.length === 0
        ? `expected some of the ${spans.length} span(s) not to translate cleanly, but all did`
        : `expected ${spans.length} span(s) to translate to MLflow cleanly; ${failures.length} finding(s):\n${list}`,
  };
}

export const mlflowMatchers = { toTranslateToMlflow };

/**
 * The matcher's type, for augmenting the runner's:
 * - vitest: `declare module "vitest" { interface Assertion<T> extends MlflowMatchers<void> {} }`
 * - jest with @jest/globals: `declare module "expect" { interface Matchers<R extends void | Promise<void>, T = unknown> extends MlflowMatchers<R> {} }`
 * - jest with @types/jest: `declare global { namespace jest { interface Matchers<R> extends MlflowMatchers<R> {} } }`
 */
export interface MlflowMatchers<R = unknown> {
  toTranslateToMlflow(expectation?: TranslateExpectation): R;
}
