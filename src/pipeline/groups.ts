/**
 * Key groups: the tables of spellings parsers probe one key at a time (request parameters, token
 * counts, tool and retrieval keys, …). The one walk of a span's keys that detects its conventions
 * (detect.ts) also sets the bit of every group that has a key on the span, so a parser skips a table
 * whose group is absent: a GenAI chat span carries some 8 of the 50 keys the GenAI parser would probe,
 * and each probe of an absent key is a full lookup on a record of a shape seen nowhere else.
 *
 * Bits 0-4 of the mask are the conventions' (detect.ts); groups take the bits above.
 */
import { GENAI } from "../conventions/genai/keys.js";
import { GENAI_REQUEST_PARAMS, GENAI_USAGE_KEYS } from "../conventions/genai/tables.js";
import { OPENLLMETRY } from "../conventions/openllmetry/keys.js";
import { VERCEL_SETTINGS, VERCEL_USAGE_DERIVED, VERCEL_USAGE_KEYS } from "../conventions/vercel-ai/keys.js";

export const GROUP = {
  /** The common GenAI request parameters (temperature, top_p, top_k, max_tokens, penalties, stop, seed). */
  genaiParams: 1 << 5,
  /** The other GenAI request parameters (choice count, stream, output type, deprecated OpenAI spellings). */
  genaiParamsMore: 1 << 17,
  /** The spec's input/output counts. */
  genaiUsage: 1 << 6,
  /** Every other GenAI count spelling (deprecated, cache, reasoning, vendor variants). */
  genaiUsageMore: 1 << 7,
  genaiTool: 1 << 8,
  genaiRetrieval: 1 << 9,
  /** Deprecated `gen_ai.prompt` / `gen_ai.completion` strings. */
  genaiLegacyContent: 1 << 10,
  /** `openai.response.*` metadata and its deprecated `gen_ai.openai.response.*` spelling. */
  genaiResponseExtras: 1 << 11,
  genaiAgent: 1 << 12,
  /** OpenLLMetry's `llm.*` request parameters. */
  openllmetryParams: 1 << 13,
  /** OpenLLMetry's `llm.usage.*` counts. */
  openllmetryUsage: 1 << 14,
  /** The AI SDK's `ai.settings.*` call settings. */
  vercelSettings: 1 << 15,
  /** The AI SDK's `ai.usage.*` counts. */
  vercelUsage: 1 << 16,
} as const;

/** A mask with every group set: what a context gets when nobody walked the keys (tests, direct use). */
export const ALL_GROUPS = ~0;

/** The response-metadata keys of the genaiResponseExtras group. */
export const GENAI_RESPONSE_EXTRA_KEYS: readonly string[] = [
  GENAI.openaiSystemFingerprint,
  "openai.response.system_fingerprint",
  GENAI.openaiResponseServiceTier,
  "openai.response.service_tier",
];

const GENAI_USAGE_MAIN: ReadonlySet<string> = new Set([GENAI.inputTokens, GENAI.outputTokens]);
/** The spec's `gen_ai.request.*` keys of the parameters nearly every chat call sets. */
const MAIN_PARAMS: ReadonlySet<string> = new Set(["temperature", "top_p", "top_k", "max_tokens", "frequency_penalty", "presence_penalty", "stop", "seed"]);
const GENAI_PARAMS_MAIN: ReadonlySet<string> = new Set(
  GENAI_REQUEST_PARAMS.filter((p) => p.key.startsWith("gen_ai.request.") && MAIN_PARAMS.has(p.param)).map((p) => p.key),
);

/** The group of a key of GENAI_REQUEST_PARAMS. */
export function genaiParamGroup(key: string): number {
  return GENAI_PARAMS_MAIN.has(key) ? GROUP.genaiParams : GROUP.genaiParamsMore;
}

/** The group of a key of GENAI_USAGE_KEYS. */
export function genaiUsageGroup(key: string): number {
  return GENAI_USAGE_MAIN.has(key) ? GROUP.genaiUsage : GROUP.genaiUsageMore;
}

export const GROUP_OF_KEY: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const add = (keys: Iterable<string>, bit: number) => {
    for (const key of keys) map.set(key, (map.get(key) ?? 0) | bit);
  };
  for (const { key } of GENAI_REQUEST_PARAMS) add([key], genaiParamGroup(key));
  for (const key of Object.values(GENAI_USAGE_KEYS).flat()) add([key], genaiUsageGroup(key));
  add([GENAI.toolCallArguments, GENAI.toolCallResult, GENAI.toolName, GENAI.toolCallId], GROUP.genaiTool);
  add([GENAI.retrievalQueryText, GENAI.retrievalDocuments], GROUP.genaiRetrieval);
  add([GENAI.prompt, GENAI.completion], GROUP.genaiLegacyContent);
  add(GENAI_RESPONSE_EXTRA_KEYS, GROUP.genaiResponseExtras);
  add([GENAI.agentName, GENAI.agentId], GROUP.genaiAgent);
  add(
    [OPENLLMETRY.topK, OPENLLMETRY.frequencyPenalty, OPENLLMETRY.presencePenalty, OPENLLMETRY.repetitionPenalty, OPENLLMETRY.stopSequences, OPENLLMETRY.isStreaming, OPENLLMETRY.user],
    GROUP.openllmetryParams,
  );
  add([OPENLLMETRY.totalTokens, OPENLLMETRY.legacyPromptTokens, OPENLLMETRY.legacyCompletionTokens], GROUP.openllmetryUsage);
  add(VERCEL_SETTINGS.map((s) => s.key), GROUP.vercelSettings);
  add([...Object.values(VERCEL_USAGE_KEYS).flat(), ...Object.values(VERCEL_USAGE_DERIVED)], GROUP.vercelUsage);
  return map;
})();
