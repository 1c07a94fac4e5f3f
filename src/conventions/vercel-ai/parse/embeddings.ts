import { VERCEL } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import type { Obj } from "../../../internal/records.js";
import { jsonList } from "./values.js";
/**
 * Embedding inputs and outputs in the OpenAI shapes: `{input}` and `{data: [{index, object, embedding}]}`.
 * Returns whether inputs were offered (with the request parameters in them).
 */
export function readEmbeddings(ctx: ParseContext, params: Obj): boolean {
  let input: unknown;
  if (ctx.has(VERCEL.value)) {
    const parsed = ctx.json(VERCEL.value);
    if (parsed.ok) {
      input = parsed.value;
      ctx.consume(VERCEL.value);
    }
  } else if (ctx.has(VERCEL.values)) {
    input = jsonList(ctx, VERCEL.values);
    if (input !== undefined) ctx.consume(VERCEL.values);
  }
  if (input !== undefined) {
    const inputs: Obj = { input };
    for (const k in params) inputs[k] = params[k];
    ctx.offer("inputs", inputs, RANK.structured, "vercel-ai");
  }
  let vectors: unknown[] | undefined;
  if (ctx.has(VERCEL.embedding)) {
    const parsed = ctx.json(VERCEL.embedding);
    if (parsed.ok) {
      vectors = [parsed.value];
      ctx.consume(VERCEL.embedding);
    }
  } else if (ctx.has(VERCEL.embeddings)) {
    vectors = jsonList(ctx, VERCEL.embeddings);
    if (vectors !== undefined) ctx.consume(VERCEL.embeddings);
  }
  if (vectors !== undefined) {
    const data = vectors.map((embedding, index) => ({ index, object: "embedding", embedding }));
    ctx.offer("outputs", { data }, RANK.structured, "vercel-ai");
  }
  return input !== undefined;
}

/** `ai.rerank`: the documents sent and the ranking returned (`{index, relevanceScore}` per entry), as the SDK wrote them. */
export function readRerank(ctx: ParseContext): void {
  if (ctx.has(VERCEL.documents)) {
    const documents = jsonList(ctx, VERCEL.documents);
    if (documents !== undefined) {
      ctx.consume(VERCEL.documents);
      ctx.offer("inputs", { documents }, RANK.structured, "vercel-ai");
    }
  }
  if (ctx.has(VERCEL.ranking)) {
    const ranking = jsonList(ctx, VERCEL.ranking);
    if (ranking !== undefined) {
      ctx.consume(VERCEL.ranking);
      ctx.offer("outputs", ranking, RANK.structured, "vercel-ai");
    }
  }
}
