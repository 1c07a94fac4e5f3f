/**
 * The Langfuse parser: `langfuse.observation.*` on the spans the Langfuse SDK (v3+) writes.
 *
 * Every observation is one span: its type in `observation.type`, the caller's input and output as
 * JSON (or a bare string), and for generations the model, request parameters, usage and cost. The
 * SDK never sets the OTel status: `level = ERROR` (with `status_message`) marks a failure, and is
 * read as status ERROR. `session.id` / `user.id` and `langfuse.trace.*` are left as attributes
 * (summarizeTrace reads the ids).
 */
import { NORMALIZED_CHAT_FORMAT, type SpanType } from "../../../canonical/span.js";
import type { Obj } from "../../../internal/records.js";
import { RANK } from "../../../readers/context.js";
import { readString } from "../../../readers/values.js";
import { parser } from "../../types.js";
import { LANGFUSE, LANGFUSE_TYPES } from "../keys.js";
import { SPAN_TYPES } from "../tables.js";
import { readInputs, readOutputs } from "./content.js";
import { readCost, readParameters, readUsage } from "./usage.js";

type LangfuseType = (typeof LANGFUSE_TYPES)[number];
const KNOWN: ReadonlySet<string> = new Set(LANGFUSE_TYPES);

interface State {
  type: LangfuseType | undefined;
  /** A model call: generation or embedding (they carry model, parameters and usage). */
  model: boolean;
  embedding: boolean;
  params: Obj | undefined;
  chat: boolean;
}

export const parseLangfuse = parser<State>(
  () => ({ type: undefined, model: false, embedding: false, params: undefined, chat: false }),
  [
    {
      name: "observation type",
      run(ctx, s) {
        const raw = readString(ctx, LANGFUSE.type);
        if (raw === undefined) return;
        if (!KNOWN.has(raw)) {
          ctx.diagnose("unknown-span-kind", "warning", `${LANGFUSE.type} "${raw}" is not a Langfuse observation type; kept raw, the span type is inferred`, LANGFUSE.type);
          return;
        }
        s.type = raw as LangfuseType;
        // observeOpenAI records `embeddings.create` as a generation named `OpenAI.embeddings`.
        s.embedding = raw === "embedding" || (raw === "generation" && ctx.name.endsWith(".embeddings"));
        s.model = raw === "generation" || s.embedding;
      },
    },
    {
      name: "model and provider",
      run(ctx) {
        const model = readString(ctx, LANGFUSE.model);
        if (model !== undefined) {
          ctx.consume(LANGFUSE.model);
          ctx.offer("model", model, RANK.structured, "langfuse");
        }
        // No provider key exists; observeOpenAI names its spans `OpenAI.<method>` (the client's class).
        if (model !== undefined && ctx.name.startsWith("OpenAI.")) ctx.offer("provider", "openai", RANK.inferred, "langfuse");
      },
    },
    { name: "parameters", run: (ctx, s) => void (s.params = readParameters(ctx)) },
    {
      name: "input",
      run(ctx, s) {
        const read = readInputs(ctx, s.model, s.embedding, s.params);
        s.chat = read.chat;
        if (read.paramsPlaced) ctx.consume(LANGFUSE.modelParameters);
      },
    },
    { name: "output", run: (ctx, s) => void readOutputs(ctx, s.chat) },
    { name: "usage", run: (ctx, s) => readUsage(ctx, s.embedding) },
    { name: "cost", run: (ctx) => readCost(ctx) },
    {
      name: "level",
      run(ctx) {
        const level = ctx.get(LANGFUSE.level);
        if (level !== "ERROR") return;
        const message = ctx.get(LANGFUSE.statusMessage);
        ctx.markError(typeof message === "string" && message !== "" ? message : undefined);
      },
    },
    {
      name: "span type",
      run(ctx, s) {
        if (s.chat) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "langfuse");
        let type: SpanType | undefined;
        if (s.type !== undefined) {
          type = s.embedding ? "EMBEDDING" : s.type === "generation" && s.chat ? "CHAT_MODEL" : SPAN_TYPES[s.type];
          ctx.consume(LANGFUSE.type);
          ctx.offer("spanType", type, RANK.explicitKind, "langfuse");
        } else if (ctx.has(LANGFUSE.model) || ctx.has(LANGFUSE.usageDetails)) {
          ctx.offer("spanType", "LLM", RANK.inferred, "langfuse");
        }
      },
    },
  ],
);
