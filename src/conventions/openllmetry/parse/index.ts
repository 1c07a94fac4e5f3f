/**
 * The OpenLLMetry (Traceloop) parser. What it reads, and at which rank (context.ts RANK):
 * - `traceloop.span.kind` -> span type (explicitKind);
 * - `llm.request.type` -> span type (operation);
 * - indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` -> chat messages and choices, and
 *   `llm.request.functions.N.*` -> tools (flattened); `llm.*` request parameters join the messages;
 * - `llm.usage.total_tokens` -> a partial usage (flattened), which the GenAI parser completes with the
 *   `gen_ai.usage.*` counts of the same span;
 * - vector-database result events / keys -> RETRIEVER documents (events);
 * - `traceloop.entity.input` / `.output` -> inputs/outputs with the SDK envelopes unwrapped (raw).
 *
 * Non-indexed `gen_ai.*` keys (model, provider, `gen_ai.usage.*`, `gen_ai.request.*`, structured
 * messages) are the GenAI parser's, which runs after this one on the same context.
 */
import type { ChatChoice } from "../../../canonical/span.js";
import { OPENLLMETRY } from "../keys.js";
import { NORMALIZED_CHAT_FORMAT } from "../../mlflow/keys.js";
import { type TreeValue } from "../../../internal/unflatten.js";
import { choice } from "../../../readers/chat.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { GROUP } from "../../../pipeline/groups.js";
import { insertPath, type IndexedFamily, type LeafObjects } from "../../../internal/indexed.js";
import type { Obj } from "../../../internal/records.js";
import { readRequestType, readSpanKind } from "./span-type.js";
import { COMPLETIONS, FUNCTIONS, PROMPTS, familyKey } from "./indexed.js";
import { canonicalFinishReason, readMessages, spanFinishReason } from "./messages.js";
import { readParams } from "./params.js";
import { readFunctions } from "./tools.js";
import { readUsage } from "./usage.js";
import { readRetrieval } from "./retrieval.js";
import { readEntity } from "./entity.js";
export function parseOpenLlmetry(ctx: ParseContext): void {
  readSpanKind(ctx);
  readRequestType(ctx);

  // One pass over the keys: each indexed family's keys, and its tree when they are regular
  // (src/internal/indexed.ts), so no family needs another scan or `unflattenIndexed`.
  let prompts: IndexedFamily | undefined;
  let completions: IndexedFamily | undefined;
  let functions: IndexedFamily | undefined;
  let vectorResults: IndexedFamily | undefined;
  const attributes = ctx.attributes;
  const leaves: LeafObjects = { set: undefined };
  const keys = ctx.keys;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const c = key.charCodeAt(0);
    // g(en_ai.prompt/completion.), l(lm.request.functions.), d(b.vector.query.result.)
    if (c !== 0x67 && c !== 0x6c && c !== 0x64) continue;
    const info = familyKey(key);
    if (info === null) continue;
    let family: IndexedFamily;
    if (info.family === PROMPTS) family = prompts ??= { items: [], keys: [] };
    else if (info.family === COMPLETIONS) family = completions ??= { items: [], keys: [] };
    else if (info.family === FUNCTIONS) family = functions ??= { items: [], keys: [] };
    else family = vectorResults ??= { items: [], keys: [] };
    family.keys.push(key);
    if (family.items !== undefined) {
      const path = info.path;
      if (path === undefined || !insertPath(family.items, path, attributes[key] as TreeValue, leaves)) family.items = undefined;
    }
  }

  let chat = false;
  if (prompts) {
    const messages = readMessages(ctx, OPENLLMETRY.prompt, prompts, "user");
    if (messages) {
      const inputs: Obj = { messages: messages.map((m) => m.message) };
      Object.assign(inputs, readParams(ctx));
      ctx.offer("inputs", inputs, RANK.flattened, "openllmetry");
      chat = true;
    }
  }
  if (completions) {
    const messages = readMessages(ctx, OPENLLMETRY.completion, completions, "assistant");
    if (messages) {
      const fallbackReason = messages.length === 1 ? spanFinishReason(ctx) : undefined;
      const choices: ChatChoice[] = messages.map((m, index) => choice(index, m.message, canonicalFinishReason(m.finishReason ?? fallbackReason)));
      ctx.offer("outputs", { choices }, RANK.flattened, "openllmetry");
      chat = true;
    }
  }
  if (!chat) {
    const params = readParams(ctx);
    if (Object.keys(params).length > 0) ctx.offer("inputs", params, RANK.inferred, "openllmetry");
  }
  if (chat) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.flattened, "openllmetry");
  if (functions) readFunctions(ctx, functions);

  readUsage(ctx);
  readRetrieval(ctx, vectorResults);
  readEntity(ctx, OPENLLMETRY.entityInput, "inputs");
  readEntity(ctx, OPENLLMETRY.entityOutput, "outputs");

  if (chat) ctx.offer("spanType", "CHAT_MODEL", RANK.inferred, "openllmetry");
  else if ((ctx.groups & GROUP.openllmetryUsage) !== 0 && ctx.has(OPENLLMETRY.totalTokens)) ctx.offer("spanType", "LLM", RANK.inferred, "openllmetry");
}
