import { GENAI_GROUPS, genaiUsageGroup } from "../tables.js";
import { describeValue } from "../../../readers/values.js";
import type { RetrievedDocument } from "../../../canonical/span.js";
import { GENAI } from "../keys.js";
import { isPlainObject, setOwn } from "../../../internal/records.js";
import { safeJsonStringify } from "../../../internal/json.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import type { Obj } from "../../../internal/records.js";
// ---------------------------------------------------------------------------------------------
// Retrieval spans

/**
 * `gen_ai.retrieval.query.text` -> inputs (the query, as the other conventions' retriever inputs) and
 * `gen_ai.retrieval.documents` -> outputs as MLflow documents. The spec's document is `{id, score}` plus
 * any other property: `content` (or `text`) becomes `page_content`, the rest metadata.
 */
export function readRetrieval(ctx: ParseContext): boolean {
  if (!ctx.present(GENAI_GROUPS.retrieval)) return false;
  let found = false;
  const query = ctx.get(GENAI.retrievalQueryText);
  if (typeof query === "string") {
    ctx.consume(GENAI.retrievalQueryText);
    // The query alone is the input, as every convention's retriever inputs; with the newest spec's
    // `gen_ai.retrieval.top_k` both go in one object (OpenInference's reranker inputs are shaped so).
    const topK = readTopK(ctx);
    ctx.offer("inputs", topK === undefined ? query : { query, top_k: topK }, RANK.structured, "genai");
    found = true;
  } else if (query !== undefined) {
    ctx.diagnose("invalid-value", "warning", `${GENAI.retrievalQueryText} should be a string, got ${describeValue(query)}`, GENAI.retrievalQueryText);
  }
  if (!ctx.has(GENAI.retrievalDocuments)) return found;
  const parsed = ctx.json(GENAI.retrievalDocuments);
  if (!parsed.ok) return found;
  if (!Array.isArray(parsed.value)) {
    ctx.diagnose("invalid-value", "warning", `${GENAI.retrievalDocuments} should be a JSON array of documents, got ${describeValue(parsed.value)}; kept raw`, GENAI.retrievalDocuments);
    return found;
  }
  const documents: RetrievedDocument[] = [];
  let skipped = 0;
  for (const raw of parsed.value) {
    if (!isPlainObject(raw)) {
      skipped++;
      continue;
    }
    const { id, score, content, text, ...rest } = raw as Obj;
    const body = content !== undefined ? content : text;
    const metadata: Obj = {};
    if (score !== undefined) metadata.score = score;
    if (content !== undefined && text !== undefined) metadata.text = text;
    for (const k of Object.keys(rest)) setOwn(metadata, k, rest[k]);
    const pageContent = typeof body === "string" ? body : body === undefined || body === null ? "" : safeJsonStringify(body);
    // Key order as MLflow's documents print: id, page_content, metadata.
    if (typeof id === "string" || typeof id === "number") documents.push({ id: String(id), page_content: pageContent, metadata });
    else {
      if (id !== undefined) metadata.id = id;
      documents.push({ page_content: pageContent, metadata });
    }
  }
  if (skipped > 0) {
    ctx.diagnose("invalid-document", "warning", `${skipped} of ${parsed.value.length} entries of ${GENAI.retrievalDocuments} are not document objects; they are left out (kept in the attribute)`, GENAI.retrievalDocuments);
    ctx.keep(GENAI.retrievalDocuments);
  } else ctx.consume(GENAI.retrievalDocuments);
  ctx.offer("outputs", documents, RANK.structured, "genai");
  return true;
}

function readTopK(ctx: ParseContext): number | undefined {
  const raw = ctx.get(GENAI.retrievalTopK);
  if (raw === undefined) return undefined;
  if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0) {
    ctx.consume(GENAI.retrievalTopK);
    return raw;
  }
  ctx.diagnose("invalid-value", "warning", `${GENAI.retrievalTopK} should be a non-negative integer, got ${describeValue(raw)}`, GENAI.retrievalTopK);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Memory operations (newest spec: create_memory_store, search_memory, create_memory, update_memory,
// upsert_memory, delete_memory, delete_memory_store)

/**
 * `gen_ai.memory.query.text` -> inputs `{query}`; `gen_ai.memory.records` (JSON list of records) ->
 * outputs `{records}` on `search_memory` (the records found), inputs `{records}` on the operations that
 * write them. Store and record ids stay attributes (they name the store, they are not content).
 */
export function readMemory(ctx: ParseContext, operation: string | undefined): void {
  if (!ctx.present(GENAI_GROUPS.memory)) return;
  const inputs: Obj = {};
  const query = ctx.get(GENAI.memoryQueryText);
  if (typeof query === "string") {
    ctx.consume(GENAI.memoryQueryText);
    inputs.query = query;
  } else if (query !== undefined) {
    ctx.diagnose("invalid-value", "warning", `${GENAI.memoryQueryText} should be a string, got ${describeValue(query)}`, GENAI.memoryQueryText);
  }
  if (ctx.has(GENAI.memoryRecords)) {
    const parsed = ctx.json(GENAI.memoryRecords);
    if (parsed.ok && Array.isArray(parsed.value)) {
      ctx.consume(GENAI.memoryRecords);
      if (operation === "search_memory") ctx.offer("outputs", { records: parsed.value }, RANK.structured, "genai");
      else inputs.records = parsed.value;
    } else if (parsed.ok) {
      ctx.diagnose("invalid-value", "warning", `${GENAI.memoryRecords} should be a JSON array of memory records, got ${describeValue(parsed.value)}; kept raw`, GENAI.memoryRecords);
    }
  }
  for (const _ in inputs) {
    ctx.offer("inputs", inputs, RANK.structured, "genai");
    break;
  }
}
