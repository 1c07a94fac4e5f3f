/**
 * Parity with MLflow's own test cases (`fixtures/<id>/mlflow-tests__*.expected.json`, written by
 * scripts/capture/from-source/mlflow-tests.ts): for each case whose expectation MLflow's translator
 * also stores (`mlflowPy.agrees`), the fact the test asserts, read from the project's translation.
 * Facts, not shapes: MLflow stores chat lists where the project has `{messages}` / `{choices}`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toMlflowSpan, type MlflowSpan } from "../../src/index.js";
import { FIXTURES, loadFixture } from "./fixtures.js";

export interface ParityCase {
  span: string;
  test: string;
  call: string;
  expect: Record<string, unknown>;
  mlflowPy: { agrees: boolean; stored: Record<string, string> };
}

export function parityCases(id: string): ParityCase[] {
  return (JSON.parse(readFileSync(join(FIXTURES, `${id}.expected.json`), "utf8")) as { cases: ParityCase[] }).cases;
}

export function translatedByName(id: string): Map<string, MlflowSpan> {
  return new Map(loadFixture(id).map((s) => [s.name, toMlflowSpan(s)]));
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
