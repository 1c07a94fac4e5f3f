import { OPENLLMETRY_GROUPS } from "../tables.js";
import { OPENLLMETRY } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { countSources, readCounts } from "../../../readers/usage.js";
/**
 * Only the total is OpenLLMetry's own; the prompt/completion counts are `gen_ai.usage.*` keys the
 * GenAI parser reads. It runs next and fills the gaps of this partial usage (or replaces it with its
 * own, complete one). Alone, the total gives `usage-incomplete`.
 */
/**
 * `llm.usage.total_tokens`, and the first releases' `llm.usage.prompt_tokens` / `completion_tokens`.
 * Newer releases put the input/output counts in `gen_ai.usage.*`, which the GenAI parser reads and
 * merges into this candidate (filling gaps, never changing a count).
 */
export function readUsage(ctx: ParseContext): void {
  if (!ctx.present(OPENLLMETRY_GROUPS.usage)) return;
  const usage = readCounts(ctx, USAGE_SOURCES);
  if (usage) ctx.offer("tokenUsage", usage, RANK.flattened, "openllmetry");
}

const USAGE_SOURCES = countSources(
  { input_tokens: [OPENLLMETRY.legacyPromptTokens], output_tokens: [OPENLLMETRY.legacyCompletionTokens], total_tokens: [OPENLLMETRY.totalTokens], reasoning_tokens: [OPENLLMETRY.reasoningTokens] },
  () => OPENLLMETRY_GROUPS.usage,
);
