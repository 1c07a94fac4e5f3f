/**
 * Cohere rerank spans of Traceloop's Cohere instrumentation (`@traceloop/instrumentation-cohere`, 0.27.0
 * checked; `llm.request.type = rerank`). The request is written as
 * - `gen_ai.prompt.0.role = user` and `gen_ai.prompt.0.user` = the query,
 * - `documents.<i>.index` = the text of document i (the key says index, the value is the text; object
 *   documents give their `text`), outside any convention's namespace,
 * - `topN` (and `maxChunksPerDoc` when set), plain keys too;
 * the response as `gen_ai.completion.<r>.relevanceScore` per ranked result and `.content` = the ranked
 * document's text when the request returned documents, or the result's index into the documents when
 * content capture is off. Billed search units go to `llm.usage.total_tokens` (read by the usage step).
 *
 * Read as a rerank, not as a chat: inputs `{query, documents, top_n}` (the documents as the texts sent),
 * outputs the ranked documents in MLflow's document shape `{page_content, metadata: {score}}` (with
 * `metadata.index` when the index is what was recorded). A result with a score and neither text nor
 * index (documents not returned) keeps its score with an empty `page_content`, and an info
 * `rerank-document-not-recorded` says which document it ranks is not in the trace.
 *
 * The `documents.*` and `topN` keys belong to no convention: they are read, not consumed, so they stay in
 * the attributes. Only the indexed prompt / completion keys are the rerank's evidence: a span with the
 * plain keys alone (as OpenLLMetry's own emitter leaves them next to `traceloop.entity.input`) is not read
 * here.
 */
import type { RetrievedDocument } from "../../../canonical/span.js";
import { isPlainObject, type Obj } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { type IndexedFamily } from "../../../readers/indexed.js";
import { type TreeValue } from "../../../readers/unflatten.js";
import { OPENLLMETRY } from "../keys.js";
import { readIndexed } from "./indexed.js";
import { text } from "./messages.js";

/** The plain keys Traceloop's Cohere instrumentation writes for a rerank request. */
const COHERE_RERANK = {
  /** `documents.<i>.index`: the text of document i. */
  documentPattern: /^documents\.(\d{1,5})\.index$/,
  topN: "topN",
  maxChunksPerDoc: "maxChunksPerDoc",
} as const;

interface Families {
  prompts: IndexedFamily | undefined;
  completions: IndexedFamily | undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The documents sent, in index order, from `documents.<i>.index`; undefined when there are none. */
function readDocuments(ctx: ParseContext): string[] | undefined {
  let found: [number, string][] | undefined;
  for (const key of ctx.keys) {
    if (key.charCodeAt(0) !== 0x64) continue; // d
    const m = COHERE_RERANK.documentPattern.exec(key);
    if (m === null) continue;
    const value = text(ctx.get(key) as TreeValue);
    if (value !== undefined) (found ??= []).push([Number(m[1]), value]);
  }
  return found?.sort((a, b) => a[0] - b[0]).map(([, t]) => t);
}

/** Whether a completion item is a ranked result (it has a relevance score). */
function isResult(item: TreeValue): item is Record<string, TreeValue> {
  return isPlainObject(item) && item.relevanceScore !== undefined;
}

/**
 * Reads a Cohere rerank span as `{query, documents, top_n}` -> ranked documents and clears the prompt and
 * completion families so the chat steps leave them; does nothing on any other span.
 */
export function readCohereRerank(ctx: ParseContext, s: Families): void {
  if (ctx.get(OPENLLMETRY.requestType) !== "rerank" || (s.prompts === undefined && s.completions === undefined)) return;
  const prompts = s.prompts ? readIndexed(ctx, OPENLLMETRY.prompt, s.prompts) : undefined;
  const completions = s.completions ? readIndexed(ctx, OPENLLMETRY.completion, s.completions) : undefined;
  const results = completions?.items;
  // The ranked results carry scores; a prompt family of more than the query is not this shape.
  if (results !== undefined && !results.every(isResult)) return;
  if (prompts !== undefined && prompts.items.length !== 1) return;

  const inputs: Obj = {};
  const first = prompts?.items[0];
  const query = isPlainObject(first) ? text(first.user ?? first.content) : text(first);
  if (query !== undefined) inputs.query = query;
  const documents = readDocuments(ctx);
  if (documents !== undefined) inputs.documents = documents;
  const topN = finite(ctx.get(COHERE_RERANK.topN));
  if (topN !== undefined) inputs.top_n = topN;
  const maxChunks = finite(ctx.get(COHERE_RERANK.maxChunksPerDoc));
  if (maxChunks !== undefined) inputs.max_chunks_per_doc = maxChunks;
  if (Object.keys(inputs).length > 0) ctx.offer("inputs", inputs, RANK.flattened, "openllmetry");

  if (results !== undefined) {
    const ranked = results.map((item, rank) => rankedDocument(ctx, item as Record<string, TreeValue>, rank, documents));
    ctx.offer("outputs", ranked, RANK.flattened, "openllmetry");
  }
  for (const key of prompts?.keys ?? []) ctx.consume(key);
  for (const key of completions?.keys ?? []) ctx.consume(key);
  s.prompts = undefined;
  s.completions = undefined;
}

function rankedDocument(ctx: ParseContext, item: Record<string, TreeValue>, rank: number, documents: string[] | undefined): RetrievedDocument {
  const metadata: Obj = {};
  const doc: RetrievedDocument = { page_content: "", metadata };
  const content = item.content;
  if (typeof content === "string") doc.page_content = content;
  else if (typeof content === "number" && Number.isInteger(content) && content >= 0) {
    // Content capture off: the instrumentation writes the result's index instead of its text.
    metadata.index = content;
    const sent = documents?.[content];
    if (sent !== undefined) doc.page_content = sent;
  } else {
    ctx.diagnose(
      "rerank-document-not-recorded",
      "info",
      `${OPENLLMETRY.completion}.${rank} has a relevance score but neither the document's text nor its index (the request did not ask for the documents back): which document it ranks is not in the trace`,
      `${OPENLLMETRY.completion}.${rank}.relevanceScore`,
    );
  }
  const score = finite(item.relevanceScore);
  if (score !== undefined) metadata.score = score;
  else metadata.score = item.relevanceScore;
  return doc;
}
