import type { AttributeValue, RetrievedDocument } from "../../../canonical/span.js";
import { OPENLLMETRY, OPENLLMETRY_EVENT_ATTRIBUTES as EA, OPENLLMETRY_EVENTS } from "../keys.js";
import { safeJsonParse, safeJsonStringify } from "../../../internal/json.js";
import { isPlainObject } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { type IndexedFamily } from "../../../readers/indexed.js";
import type { Obj } from "../../../internal/records.js";
import { readIndexed } from "./indexed.js";
// ---------------------------------------------------------------------------------------------
// Vector databases

const RETRIEVAL_OPERATIONS: ReadonlySet<string> = new Set(["query", "search", "similarity_search", "hybrid_search", "get"]);

function numberOf(value: AttributeValue | undefined): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function jsonObject(value: unknown): Obj | undefined {
  if (isPlainObject(value)) return value;
  if (typeof value !== "string") return undefined;
  const parsed = safeJsonParse(value);
  return parsed.ok && isPlainObject(parsed.value) ? parsed.value : undefined;
}

function documentOf(id: unknown, content: unknown, metadata: Obj, extra: Record<string, number | undefined>): RetrievedDocument {
  const doc: RetrievedDocument = { page_content: typeof content === "string" ? content : content === undefined || content === null ? "" : safeJsonStringify(content), metadata: { ...metadata } };
  if (typeof id === "string" || typeof id === "number") doc.id = String(id);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) doc.metadata[k] = v;
  return doc;
}

export function readRetrieval(ctx: ParseContext, vectorResults: IndexedFamily | undefined): void {
  const documents: RetrievedDocument[] = [];
  for (const event of ctx.events) {
    const a = event.attributes;
    if (event.name === OPENLLMETRY_EVENTS.queryResult) {
      documents.push(
        documentOf(a[EA.queryResultId], a[EA.queryResultDocument], jsonObject(a[EA.queryResultMetadata]) ?? {}, {
          score: numberOf(a[EA.queryResultScore]),
          distance: numberOf(a[EA.queryResultDistance]),
        }),
      );
    } else if (event.name === OPENLLMETRY_EVENTS.searchResult) {
      const entity = jsonObject(a[EA.searchResultEntity]) ?? {};
      const { text: entityText, ...rest } = entity;
      documents.push(
        documentOf(a[EA.searchResultId], entityText, rest, { score: numberOf(a[EA.searchResultScore]), distance: numberOf(a[EA.searchResultDistance]) }),
      );
    }
  }
  if (vectorResults) {
    const indexed = readIndexed(ctx, OPENLLMETRY.vectorDbQueryResult, vectorResults);
    if (indexed) {
      for (const k of indexed.keys) ctx.consume(k);
      for (const item of indexed.items) {
        if (!isPlainObject(item)) continue;
        const metadata = jsonObject(item.metadata) ?? {};
        const content = typeof metadata.text === "string" ? metadata.text : undefined;
        documents.push(documentOf(item.id, content, metadata, { score: numberOf(item.score as AttributeValue) }));
      }
    }
  }
  const operation = ctx.get(OPENLLMETRY.vectorDbOperation);
  const isQuery =
    documents.length > 0 ||
    ctx.has(OPENLLMETRY.vectorDbQueryTopK) ||
    (typeof operation === "string" && ctx.has(OPENLLMETRY.vectorDbVendor) && RETRIEVAL_OPERATIONS.has(operation.toLowerCase()));
  if (!isQuery) return;
  ctx.offer("spanType", "RETRIEVER", documents.length > 0 ? RANK.operation : RANK.inferred, "openllmetry");
  if (documents.length > 0) ctx.offer("outputs", documents, RANK.events, "openllmetry");
}
