import { finishReason } from "../../../readers/finish.js";
/**
 * The OpenLLMetry (Traceloop) parser. What it reads, and at which rank (readers/context.ts RANK):
 * - `traceloop.span.kind` -> span type (explicitKind);
 * - `llm.request.type` -> span type (operation);
 * - indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` -> chat messages and choices, and
 *   `llm.request.functions.N.*` -> tools (flattened); `llm.*` request parameters join the messages;
 * - `llm.usage.total_tokens` -> a partial usage (flattened), which the GenAI parser completes with the
 *   `gen_ai.usage.*` counts of the same span;
 * - vector-database result events / keys -> RETRIEVER documents (events);
 * - `traceloop.entity.input` / `.output` -> inputs/outputs with the SDK envelopes unwrapped (raw), and
 *   the 0.5 `gen_ai.task.input` / `.output` the same way when the entity keys are absent;
 * - JS SDK guard spans: `gen_ai.guardrail.input` -> inputs, status / output / error -> outputs (structured).
 *
 * Non-indexed `gen_ai.*` keys (model, provider, `gen_ai.usage.*`, `gen_ai.request.*`, structured
 * messages) are the GenAI parser's, which runs after this one on the same context.
 */
import { NORMALIZED_CHAT_FORMAT, type ChatChoice } from "../../../canonical/span.js";
import { OPENLLMETRY } from "../keys.js";
import { type TreeValue } from "../../../readers/unflatten.js";
import { choice } from "../../../readers/chat.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { parser } from "../../types.js";
import { OPENLLMETRY_GROUPS } from "../tables.js";
import { insertPath, type IndexedFamily, type LeafObjects } from "../../../readers/indexed.js";
import type { Obj } from "../../../internal/records.js";
import { readRequestType, readSpanKind } from "./span-type.js";
import { COMPLETIONS, FUNCTIONS, PROMPTS, familyKey } from "./indexed.js";
import { readMessages, spanFinishReason } from "./messages.js";
import { readLlmParams } from "./params.js";
import { readFunctions } from "./tools.js";
import { readCohereRerank } from "./rerank.js";
import { flagStreamedToolArguments } from "./stream-args.js";
import { readUsage } from "./usage.js";
import { readRetrieval } from "./retrieval.js";
import { readEntity } from "./entity.js";
import { readGuard, readTask } from "./task-guard.js";
/** What the steps of one span share: the indexed families found by one pass over the keys. */
interface State {
  prompts: IndexedFamily | undefined;
  completions: IndexedFamily | undefined;
  functions: IndexedFamily | undefined;
  vectorResults: IndexedFamily | undefined;
  chat: boolean;
}

export const parseOpenLlmetry = parser<State>(
  () => ({ prompts: undefined, completions: undefined, functions: undefined, vectorResults: undefined, chat: false }),
  [
    { name: "span kind", run: (ctx) => readSpanKind(ctx) },
    { name: "request type", run: (ctx) => readRequestType(ctx) },
    { name: "indexed families", run: scanFamilies },
    { name: "Cohere rerank", run: readCohereRerank },
    {
      name: "prompts",
      run(ctx, s) {
        if (!s.prompts) return;
        const messages = readMessages(ctx, OPENLLMETRY.prompt, s.prompts, "user");
        if (!messages) return;
        const inputs: Obj = { messages: messages.map((m) => m.message) };
        Object.assign(inputs, readLlmParams(ctx));
        ctx.offer("inputs", inputs, RANK.flattened, "openllmetry");
        s.chat = true;
      },
    },
    {
      name: "completions",
      run(ctx, s) {
        if (!s.completions) return;
        const messages = readMessages(ctx, OPENLLMETRY.completion, s.completions, "assistant");
        if (!messages) return;
        const fallbackReason = messages.length === 1 ? spanFinishReason(ctx) : undefined;
        const choices: ChatChoice[] = messages.map((m, index) => choice(index, m.message, finishReason(m.finishReason ?? fallbackReason)));
        ctx.offer("outputs", { choices }, RANK.flattened, "openllmetry");
        s.chat = true;
      },
    },
    {
      name: "request parameters",
      run(ctx, s) {
        if (s.chat) {
          ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.flattened, "openllmetry");
          return;
        }
        const params = readLlmParams(ctx);
        if (Object.keys(params).length > 0) ctx.offer("inputs", params, RANK.inferred, "openllmetry");
      },
    },
    { name: "tools", run: (ctx, s) => void (s.functions && readFunctions(ctx, s.functions)) },
    { name: "usage", run: (ctx) => readUsage(ctx) },
    { name: "streamed tool arguments", run: flagStreamedToolArguments },
    { name: "retrieval", run: (ctx, s) => readRetrieval(ctx, s.vectorResults) },
    {
      name: "entity input and output",
      run(ctx) {
        readEntity(ctx, OPENLLMETRY.entityInput, "inputs");
        readEntity(ctx, OPENLLMETRY.entityOutput, "outputs");
      },
    },
    {
      name: "task and guard",
      run(ctx) {
        readTask(ctx);
        readGuard(ctx);
      },
    },
    {
      name: "span type",
      run(ctx, s) {
        if (s.chat) ctx.offer("spanType", "CHAT_MODEL", RANK.inferred, "openllmetry");
        else if (ctx.present(OPENLLMETRY_GROUPS.usage) && ctx.has(OPENLLMETRY.totalTokens)) ctx.offer("spanType", "LLM", RANK.inferred, "openllmetry");
      },
    },
  ],
);

/**
 * One pass over the keys: each indexed family's keys, and its tree when they are regular
 * (src/internal/indexed.ts), so no family needs another scan or `unflattenIndexed`.
 */
function scanFamilies(ctx: ParseContext, s: State): void {
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
    if (info.family === PROMPTS) family = s.prompts ??= { items: [], keys: [] };
    else if (info.family === COMPLETIONS) family = s.completions ??= { items: [], keys: [] };
    else if (info.family === FUNCTIONS) family = s.functions ??= { items: [], keys: [] };
    else family = s.vectorResults ??= { items: [], keys: [] };
    family.keys.push(key);
    if (family.items !== undefined) {
      const path = info.path;
      if (path === undefined || !insertPath(family.items, path, attributes[key] as TreeValue, leaves)) family.items = undefined;
    }
  }
}
