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
    ctx.offer("inputs", query, RANK.structured, "genai");
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
