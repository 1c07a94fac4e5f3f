import type { SpanType } from "../../canonical/span.js";
import { keyGroup } from "../../readers/groups.js";
import { VERCEL_OPERATIONS, VERCEL_SETTINGS, VERCEL_USAGE_DERIVED, VERCEL_USAGE_KEYS } from "./keys.js";
export type OperationKind = keyof typeof VERCEL_OPERATIONS;

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

/** Key groups (readers/groups.ts): tables the parser skips when none of their keys is on the span. */
export const VERCEL_GROUPS = {
  settings: keyGroup("vercel-ai.settings", VERCEL_SETTINGS.map((s) => s.key)),
  usage: keyGroup("vercel-ai.usage", [...Object.values(VERCEL_USAGE_KEYS).flat(), ...Object.values(VERCEL_USAGE_DERIVED)]),
} as const;
