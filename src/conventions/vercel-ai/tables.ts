import type { SpanType } from "../../canonical/span.js";
import { keyGroup } from "../../readers/groups.js";
import { VERCEL, VERCEL_OPERATIONS, VERCEL_SETTINGS, VERCEL_USAGE_DERIVED, VERCEL_USAGE_KEYS } from "./keys.js";
export type OperationKind = keyof typeof VERCEL_OPERATIONS;

export const SPAN_TYPES: Readonly<Record<OperationKind, SpanType>> = {
  textCalls: "LLM",
  objectCalls: "LLM",
  modelCalls: "CHAT_MODEL",
  toolCalls: "TOOL",
  embeddings: "EMBEDDING",
  rerank: "RERANKER",
  // A model call that answers questions about (or extracts fields from) its input: no chat shape, LLM.
  decisions: "LLM",
  // Speech and transcription call a model too; MLflow has no audio span type.
  audio: "LLM",
};

/** Each known `ai.operationId` and its group, built once. */
export const OPERATIONS: ReadonlyMap<string, OperationKind> = new Map(
  (Object.keys(VERCEL_OPERATIONS) as OperationKind[]).flatMap((kind) => VERCEL_OPERATIONS[kind].map((op) => [op, kind] as const)),
);

/** Key groups (readers/groups.ts): tables the parser skips when none of their keys is on the span. */
export const VERCEL_GROUPS = {
  settings: keyGroup("vercel-ai.settings", VERCEL_SETTINGS.map((s) => s.key)),
  usage: keyGroup("vercel-ai.usage", [...Object.values(VERCEL_USAGE_KEYS).flat(), ...Object.values(VERCEL_USAGE_DERIVED)]),
  /** AI SDK 7 decide / extract and speech / transcription content. */
  ai7: keyGroup("vercel-ai.ai7", [
    VERCEL.decisionState, VERCEL.decisionQuestions, VERCEL.decisionAnswers,
    VERCEL.extractionState, VERCEL.extractionFields, VERCEL.extractionReferenceDate, VERCEL.extractionAnswers,
    VERCEL.requestText, VERCEL.requestAudioSize, VERCEL.requestAudioMediaType, VERCEL.requestAudioMediaTypeLegacy,
    VERCEL.responseAudioSize, VERCEL.responseAudioMediaType, VERCEL.responseAudioMediaTypeLegacy, VERCEL.responseAudioFormat,
  ]),
} as const;
