/**
 * The VoltAgent parser. Span type from `span.type` (children) or else `entity.type` (the agent span;
 * children repeat their agent's `entity.type`, so `span.type` decides first, as in MLflow). Chat
 * inputs from `agent.messages` / `llm.messages` (AI SDK model messages -> OpenAI shape) with the
 * request parameters; the agent's answer (`output`) as the assistant choice; tool and memory
 * `input` / `output` as the JSON values they encode; model; usage from `usage.*` (agent: the call's
 * total) or `llm.*` (llm span: its last request). No provider is written anywhere.
 */
import { NORMALIZED_CHAT_FORMAT, type ChatMessage, type ChatTool } from "../../../canonical/span.js";
import { safeJsonParse } from "../../../internal/json.js";
import { setOwn, type Obj } from "../../../internal/records.js";
import { choice } from "../../../readers/chat.js";
import { finishReason } from "../../../readers/finish.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { countSources, readCounts } from "../../../readers/usage.js";
import { consumeUnlessLeftOut, describeValue, readJsonValue, readString } from "../../../readers/values.js";
import { parser } from "../../types.js";
import { VOLTAGENT, VOLTAGENT_TYPES, VOLTAGENT_USAGE_KEYS } from "../keys.js";
import { messagesFromVoltAgent } from "../messages.js";
import { SPAN_TYPES, VOLTAGENT_GROUPS } from "../tables.js";

type Kind = (typeof VOLTAGENT_TYPES)[number];
const KNOWN: ReadonlySet<string> = new Set(VOLTAGENT_TYPES);
const USAGE_SOURCES = countSources(VOLTAGENT_USAGE_KEYS, () => VOLTAGENT_GROUPS.usage);

interface State {
  kind: Kind | undefined;
  params: Obj;
  paramKeys: string[];
  chat: boolean;
}

/** A kind value; VoltAgent sometimes JSON-encodes it (`"\"llm\""`), which MLflow's tests include. */
function kindOf(ctx: ParseContext, key: string): Kind | undefined {
  // Claude Code writes `span.type` too (interaction, llm_request, ...): its parser runs first and types
  // the span, and the value is then not VoltAgent's to judge.
  const typed = ctx.current("spanType") !== undefined;
  if (!ctx.has(key)) return undefined;
  let raw = ctx.get(key);
  if (typeof raw === "string" && raw.startsWith('"')) {
    const parsed = safeJsonParse(raw);
    if (parsed.ok && typeof parsed.value === "string") raw = parsed.value;
  }
  if (typeof raw === "string" && KNOWN.has(raw)) return raw as Kind;
  if (!typed) ctx.diagnose("unknown-span-kind", "warning", `${key} ${describeValue(ctx.get(key))} is not a VoltAgent span type (agent, llm, tool, memory); kept raw`, key);
  return undefined;
}

const PARAMS: readonly (readonly [key: string, name: string])[] = [
  [VOLTAGENT.llmTemperature, "temperature"],
  [VOLTAGENT.llmMaxTokens, "max_tokens"],
  [VOLTAGENT.agentTemperature, "temperature"],
  [VOLTAGENT.agentMaxTokens, "max_tokens"],
];

export const parseVoltAgent = parser<State>(
  () => ({ kind: undefined, params: {}, paramKeys: [], chat: false }),
  [
    {
      name: "span type",
      run(ctx, s) {
        let key: string = VOLTAGENT.spanType;
        let kind = kindOf(ctx, key);
        if (kind === undefined) {
          key = VOLTAGENT.entityType;
          kind = kindOf(ctx, key);
        }
        if (kind === undefined) return;
        s.kind = kind;
        ctx.consume(key);
        ctx.offer("spanType", SPAN_TYPES[kind], RANK.explicitKind, "voltagent");
      },
    },
    {
      name: "model",
      run(ctx) {
        for (const key of [VOLTAGENT.llmModel, VOLTAGENT.agentModel]) {
          const model = readString(ctx, key);
          if (model === undefined) continue;
          ctx.consume(key);
          ctx.offer("model", model, RANK.structured, "voltagent");
          return;
        }
      },
    },
    {
      name: "parameters",
      run(ctx, s) {
        for (const [key, name] of PARAMS) {
          if (!ctx.has(key) || name in s.params) continue;
          const value = ctx.get(key);
          if (typeof value !== "number") {
            ctx.diagnose("invalid-value", "warning", `${key} should be a number, got ${describeValue(value)}`, key);
            continue;
          }
          s.params[name] = value;
          s.paramKeys.push(key);
        }
      },
    },
    {
      name: "chat inputs",
      run(ctx, s) {
        for (const key of [VOLTAGENT.agentMessages, VOLTAGENT.llmMessages]) {
          if (!ctx.has(key)) continue;
          const parsed = ctx.json(key);
          if (!parsed.ok) continue;
          const before = ctx.diagnostics.length;
          const messages = messagesFromVoltAgent(parsed.value, ctx, key);
          if (messages === undefined) continue;
          consumeUnlessLeftOut(ctx, key, before);
          const inputs: Obj = { messages };
          for (const name of Object.keys(s.params)) setOwn(inputs, name, s.params[name]);
          for (const k of s.paramKeys) ctx.consume(k);
          ctx.offer("inputs", inputs, RANK.structured, "voltagent");
          s.chat = true;
          return;
        }
      },
    },
    {
      name: "input and output values",
      run(ctx, s) {
        if (!s.chat && ctx.has(VOLTAGENT.input)) {
          const parsed = readJsonValue(ctx, VOLTAGENT.input);
          // Not consumed: the bare `input` / `output` keys are no convention's by detection, so they stay.
          if (parsed.ok) ctx.offer("inputs", parsed.value, RANK.structured, "voltagent");
        }
        const finishKey = ctx.has(VOLTAGENT.agentFinishReason) ? VOLTAGENT.agentFinishReason : VOLTAGENT.llmFinishReason;
        if (!ctx.has(VOLTAGENT.output)) return;
        const parsed = readJsonValue(ctx, VOLTAGENT.output);
        if (!parsed.ok) return;
        if (s.chat && typeof parsed.value === "string") {
          // The call's answer text: one assistant choice, with the finish reason when recorded.
          const reason = finishReason(ctx.get(finishKey));
          if (reason !== null) ctx.consume(finishKey);
          const message: ChatMessage = { role: "assistant", content: parsed.value };
          ctx.offer("outputs", { choices: [choice(0, message, reason)] }, RANK.structured, "voltagent");
          return;
        }
        ctx.offer("outputs", parsed.value, RANK.structured, "voltagent");
      },
    },
    {
      name: "tools",
      run(ctx) {
        const names = readString(ctx, VOLTAGENT.llmTools);
        if (names === undefined) return;
        // Names only: VoltAgent records no schema on the llm span.
        const tools: ChatTool[] = names.split(",").map((n) => n.trim()).filter((n) => n !== "").map((name) => ({ type: "function", function: { name } }));
        if (tools.length > 0) ctx.offer("tools", tools, RANK.raw, "voltagent");
      },
    },
    {
      name: "usage",
      run(ctx) {
        if (!ctx.present(VOLTAGENT_GROUPS.usage)) return;
        const usage = readCounts(ctx, USAGE_SOURCES);
        if (usage !== undefined) ctx.offer("tokenUsage", usage, RANK.structured, "voltagent");
      },
    },
    { name: "message format", run: (ctx, s) => void (s.chat && ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "voltagent")) },
  ],
);
