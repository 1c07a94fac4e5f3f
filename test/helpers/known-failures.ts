/**
 * Fixture-driven tests that the issue-13 captures (docs/issue-13-fixtures.md) make fail, because of
 * translator faults issue 13 is about. Each listed (suite, fixture) runs with `it.fails`: it passes
 * while the fault is there and FAILS once it is fixed, so whoever fixes it must delete the entry
 * (and the test then asserts the fixed behaviour like every other fixture).
 */
import { it } from "vitest";
import type { EmitTarget } from "../../src/index.js";

type Suite = "genai-emit" | "cross-convention" | "nothing-lost" | "openllmetry-emit";

const AGENT_STEP = "the AI SDK 7 'step N' span (agent_step, UNKNOWN today) is emitted to OpenLLMetry with no convention key at all, so the re-parse detects no convention";

const KNOWN: Readonly<Record<Suite, Readonly<Record<string, string>>>> = {
  "genai-emit": {
    "vercel-ai/vercel-ai-v7-legacy__decide": "ai.decide is UNKNOWN, and comes back from the GenAI target as LLM (AI SDK 7 operations)",
  },
  "cross-convention": {
  },
  "nothing-lost": {
  },
  "openllmetry-emit": {
    "genai/ai-sdk-otel__anthropic-generate-text": AGENT_STEP,
    "genai/ai-sdk-otel__anthropic-tools": AGENT_STEP,
    "genai/ai-sdk-otel__openai-error": AGENT_STEP,
    "vercel-ai/vercel-ai-v7-legacy__decide": "ai.decide (UNKNOWN today) is emitted to OpenLLMetry without an OpenLLMetry key, so the re-parse detects GenAI only",
  },
};

/** `it`, or `it.fails` with the reason in the test name when (suite, fixture) is a known failure. */
export function itFixture(suite: Suite, fixtureId: string): (name: string, fn: () => void) => void {
  const reason = KNOWN[suite][fixtureId];
  if (reason === undefined) return (name, fn) => it(name, fn);
  return (name, fn) => it.fails(`${name} [known failure, issue 13: ${reason}]`, fn);
}

/**
 * Findings of `validate --convention <to>` on emitted spans that are emitter faults (test/properties/
 * emit-validates.test.ts sets them aside; test/helpers/emit-findings.ts). Each row has an `it.fails`
 * test there that passes while the finding still occurs: whoever fixes it must delete the row.
 */
export interface KnownFinding {
  to: EmitTarget;
  code: string;
  key: string;
  /** Only on these span types; every type when absent. */
  spanTypes?: readonly string[];
  reason: string;
}

const OLD_NAMES = "the OpenLLMetry emitter writes the pre-0.5 key names gen_ai.system, gen_ai.usage.prompt_tokens / completion_tokens, deprecated in GenAI (being changed by ops-13)";
const NO_KIND = "the OpenLLMetry emitter writes no llm.request.type / traceloop.span.kind for RETRIEVER and UNKNOWN spans (being changed by ops-13)";
const NO_KEY = "the OpenLLMetry emitter writes no OpenLLMetry key on an AI SDK 7 decide span (UNKNOWN today), so the re-parse finds GenAI only (AI SDK 7 operations, ops-13)";

export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  { to: "openllmetry", code: "deprecated-attribute", key: "gen_ai.system", reason: OLD_NAMES },
  { to: "openllmetry", code: "deprecated-attribute", key: "gen_ai.usage.prompt_tokens", reason: OLD_NAMES },
  { to: "openllmetry", code: "deprecated-attribute", key: "gen_ai.usage.completion_tokens", reason: OLD_NAMES },
  { to: "openllmetry", code: "attribute-recommended", key: "llm.request.type", spanTypes: ["RETRIEVER", "UNKNOWN"], reason: NO_KIND },
  { to: "openllmetry", code: "convention-missing", key: "", spanTypes: ["UNKNOWN"], reason: NO_KEY },
];
