import { describeValue } from "../../../readers/values.js";
import type { RetrievedDocument } from "../../../canonical/span.js";
import { OI, OI_DOCUMENT_FIELD as DF, OI_EMBEDDING_FIELD as EF, OPENINFERENCE_SPEC_ONLY_KEYS as SPEC_ONLY } from "../keys.js";
import { safeJsonParse } from "../../../internal/json.js";
import { isPlainObject, setOwn } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { toCount } from "../../../readers/usage.js";
import type { Obj } from "../../../internal/records.js";
import { expand } from "./lists.js";
import { readParams } from "./params.js";
import { asText } from "./messages.js";
// ---------------------------------------------------------------------------------------------
// Embeddings, documents, reranking

export function readEmbeddings(ctx: ParseContext): boolean {
  const r = expand(ctx, OI.embeddingEmbeddings);
  if (!r) return false;
  const texts: string[] = [];
  const data: Obj[] = [];
  r.items.forEach((item, index) => {
    const e = isPlainObject(item) && isPlainObject(item.embedding) ? item.embedding : undefined;
    if (!e) {
      ctx.diagnose("invalid-value", "warning", `${OI.embeddingEmbeddings}.${index} has no embedding.* fields; left out`, `${OI.embeddingEmbeddings}.${index}`);
      return;
    }
    if (typeof e.text === "string") texts.push(e.text);
    const vector = e.vector;
    if (Array.isArray(vector) || typeof vector === "string") {
      // A string is the redaction marker ("__REDACTED__"); it is kept as given.
      data.push({ index, object: "embedding", embedding: Array.isArray(vector) ? [...vector] : vector });
    } else if (vector !== undefined) {
      ctx.diagnose("invalid-value", "warning", `${OI.embeddingEmbeddings}.${index}.${EF.vector} should be a list of numbers, got ${describeValue(vector)}`, `${OI.embeddingEmbeddings}.${index}.${EF.vector}`);
    }
  });
  if (texts.length === 0 && data.length === 0) return false;
  r.consume();
  if (texts.length > 0 && texts.length === r.items.length) {
    const inputs: Obj = { input: texts };
    const params = readParams(ctx, SPEC_ONLY.embeddingInvocationParameters);
    if (params) for (const [k, v] of Object.entries(params)) if (!(k in inputs)) setOwn(inputs, k, v);
    ctx.offer("inputs", inputs, RANK.flattened, "openinference");
  }
  if (data.length > 0) ctx.offer("outputs", { data }, RANK.flattened, "openinference");
  return true;
}

export function readDocuments(ctx: ParseContext, prefix: string): RetrievedDocument[] | undefined {
  const r = expand(ctx, prefix);
  if (!r) return undefined;
  const docs: RetrievedDocument[] = [];
  r.items.forEach((item, i) => {
    const key = `${prefix}.${i}`;
    const d = isPlainObject(item) && isPlainObject(item.document) ? item.document : undefined;
    if (!d) {
      ctx.diagnose("invalid-document", "warning", `${key} has no document.* fields; left out`, key);
      return;
    }
    // Key order as MLflow's documents print: id, page_content, metadata.
    const doc = {} as RetrievedDocument;
    if (typeof d.id === "string" || typeof d.id === "number") doc.id = String(d.id);
    doc.page_content = typeof d.content === "string" ? d.content : d.content !== undefined ? asText(d.content, ctx, `${key}.${DF.content}`) : "";
    const metadata: Obj = {};
    if (d.score !== undefined) {
      if (typeof d.score === "number") metadata.score = d.score;
      else ctx.diagnose("invalid-value", "warning", `${key}.${DF.score} should be a number, got ${describeValue(d.score)}`, `${key}.${DF.score}`);
    }
    let meta: unknown = d.metadata;
    if (typeof meta === "string") {
      const parsed = safeJsonParse(meta);
      if (parsed.ok && isPlainObject(parsed.value)) meta = parsed.value;
      else {
        ctx.diagnose("invalid-json", "warning", `${key}.${DF.metadata} is not a JSON object; kept as metadata.raw`, `${key}.${DF.metadata}`);
        meta = { raw: meta };
      }
    }
    if (isPlainObject(meta)) for (const k of Object.keys(meta)) if (!(k === "score" && "score" in metadata)) setOwn(metadata, k, meta[k]);
    doc.metadata = metadata;
    docs.push(doc);
  });
  if (docs.length === 0) return undefined;
  r.consume();
  return docs;
}

export function readReranker(ctx: ParseContext): boolean {
  const input = readDocuments(ctx, OI.rerankerInputDocuments);
  const output = readDocuments(ctx, OI.rerankerOutputDocuments);
  const inputs: Obj = {};
  const query = ctx.get(OI.rerankerQuery);
  if (typeof query === "string") {
    inputs.query = query;
    ctx.consume(OI.rerankerQuery);
  }
  if (ctx.has(OI.rerankerTopK)) {
    const k = toCount(ctx.get(OI.rerankerTopK), ctx, OI.rerankerTopK);
    if (k !== undefined) {
      inputs.top_k = k;
      ctx.consume(OI.rerankerTopK);
    }
  }
  if (input) inputs.documents = input;
  if (Object.keys(inputs).length > 0) ctx.offer("inputs", inputs, RANK.flattened, "openinference");
  if (output) ctx.offer("outputs", output, RANK.flattened, "openinference");
  return Object.keys(inputs).length > 0 || output !== undefined;
}
