/**
 * Losses several target conventions share (each convention declares its own list in <id>/losses.ts):
 * what a target cannot carry: canonical fields (or shapes of a field) that do not come
 * back unchanged from `toMlflowSpan(fromMlflowSpan(span, { to }))`. Everything not listed here comes
 * back exactly; the round-trip properties in test/properties/ check both halves (each listed loss
 * really happens, and nothing else changes), and the README renders this table.
 *
 * `strip` lists the canonical paths (`[]` = every element of a list) that round-trip comparisons of
 * real data remove before comparing, because the field as a whole is not carried. An entry without
 * `strip` is a loss of particular values or shapes only: generated spans avoid them, and the field is
 * still compared everywhere else.
 */
import type { CarryLoss } from "./types.js";

export const ONE_TEXT_PART: CarryLoss = {
  id: "one-text-part",
  field: "inputs.messages[].content, outputs.choices[].message.content",
  reason: "a list holding a single text part comes back as a plain string (the canonical form of such content)",
};
export const CACHE_ABOVE_INPUT: CarryLoss = {
  id: "input-below-cache",
  field: "tokenUsage.input_tokens",
  reason: "an input count below its cache counts is read back with the cache counts added (the Anthropic rule, `usage-cache-added`)",
};
export const PROVIDER_INFERRED: CarryLoss = {
  id: "provider-inferred",
  field: "provider",
  reason: "a span without a provider whose model id names one (`gpt-4o` → `openai`, `claude-…` → `anthropic`) comes back with that provider (inferred: `src/canonical/providers.ts`)",
};
export const MESSAGE_FORMAT: CarryLoss = {
  id: "message-format",
  field: "messageFormat",
  reason: "not written; the parser sets `openai` on the chat spans it normalises, and nothing otherwise",
  strip: ["messageFormat"],
};
export const AUDIO_TOKENS: CarryLoss = {
  id: "audio-tokens",
  field: "tokenUsage.input_audio_tokens, tokenUsage.output_audio_tokens",
  reason: "no audio token keys",
  strip: ["tokenUsage.input_audio_tokens", "tokenUsage.output_audio_tokens"],
};
export const TOOL_STRICT: CarryLoss = {
  id: "tool-strict",
  field: "tools[].function.strict",
  reason: "a tool definition keeps only its name, description and parameters",
  strip: ["tools[].function.strict"],
};
export const NO_COST: CarryLoss = { id: "cost", field: "cost", reason: "no cost keys", strip: ["cost"] };
export const MODEL_FROM_RESPONSE: CarryLoss = {
  id: "model-from-response",
  field: "model",
  reason:
    "when the outputs name another model than `model` (MLflow's OpenAI autolog: `gpt-4o-mini` requested, `gpt-4o-mini-2024-07-18` in the reply), `model` comes back as the reply's: the parser reads the response model first, as MLflow's translator of this convention does (MLflow fills `mlflow.llm.model` from the request only for its own spans)",
};
export const RAW_REPLY_KEYS: CarryLoss = {
  id: "raw-reply-keys",
  field: "outputs.choices[] and their messages (other keys)",
  reason:
    "keys outside the canonical choice and message (`logprobs`, `annotations`, `audio`, `function_call`: a raw OpenAI reply as MLflow's autolog stores it) are not written, and a null `refusal`, `tool_calls`, `name` or `tool_call_id` comes back absent",
};
