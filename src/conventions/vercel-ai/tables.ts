import type { SpanType } from "../../canonical/span.js";
import { VERCEL_OPERATIONS } from "./keys.js";
type OperationKind = keyof typeof VERCEL_OPERATIONS;

export const SPAN_TYPES: Readonly<Record<OperationKind, SpanType>> = {
  textCalls: "LLM",
  objectCalls: "LLM",
  modelCalls: "CHAT_MODEL",
  toolCalls: "TOOL",
  embeddings: "EMBEDDING",
  rerank: "RERANKER",
};

/** Each known `ai.operationId` and its group, built once. */
export const OPERATIONS: ReadonlyMap<string, OperationKind> = new Map(
  (Object.keys(VERCEL_OPERATIONS) as OperationKind[]).flatMap((kind) => VERCEL_OPERATIONS[kind].map((op) => [op, kind] as const)),
);
