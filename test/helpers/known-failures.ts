/**
 * Fixture-driven tests that the issue-13 captures (docs/issue-13-fixtures.md) make fail, because of
 * translator faults issue 13 is about. Each listed (suite, fixture) runs with `it.fails`: it passes
 * while the fault is there and FAILS once it is fixed, so whoever fixes it must delete the entry
 * (and the test then asserts the fixed behaviour like every other fixture).
 */
import { it } from "vitest";
import type { EmitTarget } from "../../src/index.js";

type Suite = "genai-emit" | "cross-convention" | "nothing-lost" | "openllmetry-emit";

const KNOWN: Readonly<Record<Suite, Readonly<Record<string, string>>>> = {
  "genai-emit": {
  },
  "cross-convention": {
  },
  "nothing-lost": {
  },
  "openllmetry-emit": {
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

// None today: the last (a RETRIEVER or GUARDRAIL span without content carried no OpenLLMetry key) went
// when OpenLLMetry's own operation names `guard` / `vector_db_retrieve` became a detection rule.
export const KNOWN_FINDINGS: readonly KnownFinding[] = [];
