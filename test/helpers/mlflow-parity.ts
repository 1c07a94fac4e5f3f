/**
 * Parity with MLflow's own test cases (`fixtures/<id>/mlflow-tests__*.otlp.json` + `.expected.json`,
 * see docs/<id>-mlflow-tests.md): for every case MLflow's test asserts AND MLflow's translator stores
 * correctly (`mlflowPy.agrees`), the project's translation must hold the same facts. Facts, not JSON
 * shapes: a span type, token counts, a trace state, a parent, and input/output content, where chat
 * content may be in the canonical OpenAI shapes (`{messages}` / `{choices}`) when MLflow keeps the
 * source's list or text.
 */
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { summarizeTrace, toMlflowSpan, type MlflowSpan } from "../../src/index.js";
import { FIXTURES, loadFixture } from "./fixtures.js";

/** One case of an expected file (written by scripts/capture/from-source/mlflow-tests.ts). */
export interface ParityCase {
  span: string;
  test: string;
  call: string;
  expect: Record<string, unknown>;
  /** Whether MLflow's translator stores what its test asserts, and what it stores. */
  mlflowPy: { agrees: boolean; stored: Record<string, string> };
}

export function parityCases(fixtureId: string): ParityCase[] {
  return (JSON.parse(readFileSync(`${FIXTURES}/${fixtureId}.expected.json`, "utf8")) as { cases: ParityCase[] }).cases;
}

/** The cases of one expected file and the translated spans of its fixture. */
export function parityInputs(fixtureId: string): { cases: ParityCase[]; spans: MlflowSpan[] } {
  return { cases: parityCases(fixtureId), spans: loadFixture(fixtureId).map((s) => toMlflowSpan(s)) };
}

/** The translated spans of a fixture by name (the cases name their span). */
export function translatedByName(fixtureId: string): Map<string, MlflowSpan> {
  return new Map(loadFixture(fixtureId).map((s) => [s.name, toMlflowSpan(s)]));
}

/** Chat messages as MLflow's tests list them: the project's `{messages}` inputs, or its choices' messages. */
export function messagesOf(value: unknown): unknown {
  if (value !== null && typeof value === "object") {
    const v = value as { messages?: unknown; choices?: { message: unknown }[] };
    if (Array.isArray(v.messages)) return v.messages;
    if (Array.isArray(v.choices)) return v.choices.map((c) => c.message);
  }
  return value;
}

type Msg = { role?: unknown; content?: unknown };
const project = (list: unknown[]) => list.map((m) => ({ role: (m as Msg).role, content: (m as Msg).content }));

/** Whether the canonical value holds the expected content (see the file comment). */
export function sameContent(expected: unknown, actual: unknown): boolean {
  if (isDeepStrictEqual(expected, actual)) return true;
  if (actual !== null && typeof actual === "object" && !Array.isArray(actual)) {
    const a = actual as { messages?: unknown; choices?: unknown };
    if (Array.isArray(expected) && Array.isArray(a.messages)) return isDeepStrictEqual(project(expected), project(a.messages));
    if (typeof expected === "string" && Array.isArray(a.choices) && a.choices.length === 1) {
      return (a.choices[0] as { message?: Msg }).message?.content === expected;
    }
  }
  return false;
}

/**
 * The facts one case asserts that the project gets wrong (empty = parity). `storedInputs` /
 * `storedOutputs` are compared as the JSON values they encode.
 */
export function parityFailures(c: ParityCase, spans: readonly MlflowSpan[]): string[] {
  const span = spans.find((s) => s.name === c.span);
  if (span === undefined) return [`no span named ${c.span}`];
  const out: string[] = [];
  const e = c.expect;
  for (const [fact, value] of Object.entries(e)) {
    switch (fact) {
      case "spanType":
        // MLflow's "no type" (None) is the project's UNKNOWN.
        if (span.spanType !== (value ?? "UNKNOWN")) out.push(`spanType: expected ${String(value)}, got ${span.spanType}`);
        break;
      case "inputs":
      case "storedInputs": {
        const want = fact === "storedInputs" ? JSON.parse(value as string) : value;
        if (!sameContent(want, span.inputs)) out.push(`inputs: expected ${JSON.stringify(want)}, got ${JSON.stringify(span.inputs)}`);
        break;
      }
      case "outputs":
      case "storedOutputs": {
        const want = fact === "storedOutputs" ? JSON.parse(value as string) : value;
        if (!sameContent(want, span.outputs)) out.push(`outputs: expected ${JSON.stringify(want)}, got ${JSON.stringify(span.outputs)}`);
        break;
      }
      case "tokens": {
        const t = value as { input?: number | null; output?: number | null; total?: number | null } | null;
        const u = span.tokenUsage;
        const got = u === undefined ? null : { input: u.input_tokens, output: u.output_tokens, total: u.total_tokens };
        const want = t === null ? null : { input: t.input ?? undefined, output: t.output ?? undefined, total: t.total ?? undefined };
        if (want === null ? got !== null : got === null || (["input", "output", "total"] as const).some((k) => want[k] !== undefined && want[k] !== got[k])) {
          out.push(`tokens: expected ${JSON.stringify(t)}, got ${JSON.stringify(got)}`);
        }
        break;
      }
      case "traceState": {
        const state = summarizeTrace(spans.filter((s) => s.traceId === span.traceId)).state;
        if (state !== value) out.push(`traceState: expected ${String(value)}, got ${state}`);
        break;
      }
      case "parentSpan": {
        const parent = span.parentSpanId === undefined ? null : spans.find((s) => s.spanId === span.parentSpanId)?.name ?? null;
        if (parent !== value) out.push(`parentSpan: expected ${String(value)}, got ${String(parent)}`);
        break;
      }
      case "messageFormat":
        if (span.messageFormat !== value) out.push(`messageFormat: expected ${String(value)}, got ${String(span.messageFormat)}`);
        break;
      default:
        out.push(`fact ${fact} is not compared by this helper`);
    }
  }
  return out;
}
