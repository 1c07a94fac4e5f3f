import type { Attributes } from "../../canonical/span.js";
import { LLM_TYPES, type Citation, type FieldHint, type KeyRule, type PresenceRule, type RequirableField } from "../rule-types.js";

/**
 * The spec (Arize-ai/openinference `spec/semantic_conventions.md`, no releases: cited at the commit
 * read) lists reserved keys and their types, not requirement levels; the JS package at the version
 * the project pins holds the newer keys (token details) and the closed enums.
 */
const OI_SPEC_DOC = "Arize-ai/openinference@e3030b7:spec/semantic_conventions.md";
const OI_SPEC = `${OI_SPEC_DOC}#reserved-attributes`;
const OI_PACKAGE = "@arizeai/openinference-semantic-conventions@2.12.0:src/trace/SemanticConventions.ts";
export const OPENINFERENCE_RULES_SOURCE: Citation = `${OI_SPEC} — the reserved attributes and their types`;
/** The spec names no required key; the presence rules are this project's, for what MLflow shows. */
const ourLevel = (what: string): Citation => `${OI_SPEC} — ${what}; the spec sets no level: recommended so MLflow has it`;
/** OpenInference span kinds (closed list in the spec). */
export const OPENINFERENCE_SPAN_KINDS = [
  "LLM",
  "CHAIN",
  "TOOL",
  "AGENT",
  "RETRIEVER",
  "RERANKER",
  "EMBEDDING",
  "GUARDRAIL",
  "EVALUATOR",
  "PROMPT",
  "UNKNOWN",
] as const;

export const OPENINFERENCE_KEYS: Record<string, KeyRule> = {
  "openinference.span.kind": { type: "string", values: OPENINFERENCE_SPAN_KINDS, spec: `${OI_PACKAGE} — OpenInferenceSpanKind, a closed list` },
  "llm.model_name": { type: "string", spec: OI_SPEC },
  "llm.provider": { type: "string", spec: OI_SPEC },
  "llm.system": { type: "string", spec: OI_SPEC },
  "llm.invocation_parameters": { type: "json-object", spec: OI_SPEC },
  "llm.token_count.prompt": { type: "int", spec: OI_SPEC },
  "llm.token_count.completion": { type: "int", spec: OI_SPEC },
  "llm.token_count.total": { type: "int", spec: OI_SPEC },
  "llm.token_count.prompt_details.cache_read": { type: "int", spec: `${OI_PACKAGE} — token count details, integers` },
  "llm.token_count.prompt_details.cache_write": { type: "int", spec: `${OI_PACKAGE} — token count details, integers` },
  "llm.token_count.prompt_details.audio": { type: "int", spec: `${OI_PACKAGE} — token count details, integers` },
  "llm.token_count.completion_details.reasoning": { type: "int", spec: `${OI_PACKAGE} — token count details, integers` },
  "llm.token_count.completion_details.audio": { type: "int", spec: `${OI_PACKAGE} — token count details, integers` },
  "input.mime_type": { type: "string", values: ["text/plain", "application/json"], open: true, spec: `${OI_SPEC} — text/plain or application/json (MimeType in the package)` },
  "output.mime_type": { type: "string", values: ["text/plain", "application/json"], open: true, spec: `${OI_SPEC} — text/plain or application/json (MimeType in the package)` },
};

const isOiKind = (kind: string) => (a: Attributes) => a["openinference.span.kind"] === kind;

/**
 * Besides `input.value` / `output.value`, the keys each span kind records its inputs and outputs in
 * (the parser reads them into MLflow's inputs/outputs): an embedding span's vectors, a retriever's
 * documents, a reranker's query and documents are its outputs, with no `output.value` at all.
 */
const OI_IO_BY_KIND: Readonly<Record<string, { inputs: readonly string[]; outputs: readonly string[] }>> = {
  LLM: { inputs: ["llm.input_messages.*.message.role"], outputs: ["llm.output_messages.*.message.role"] },
  EMBEDDING: { inputs: ["embedding.embeddings.*.embedding.text"], outputs: ["embedding.embeddings.*.embedding.vector"] },
  RETRIEVER: { inputs: [], outputs: ["retrieval.documents.*.document.content"] },
  RERANKER: { inputs: ["reranker.query", "reranker.input_documents.*.document.content"], outputs: ["reranker.output_documents.*.document.content"] },
};
const OI_KINDS_WITH_LISTS = new Set(Object.keys(OI_IO_BY_KIND));
/** Without a kind (or with an unknown one) the type is inferred from what is present: accept any list. */
const OI_ANY_LIST = {
  inputs: Object.values(OI_IO_BY_KIND).flatMap((io) => io.inputs),
  outputs: Object.values(OI_IO_BY_KIND).flatMap((io) => io.outputs),
};
const isOiUnlistedKind = (a: Attributes) => {
  const kind = a["openinference.span.kind"];
  return typeof kind === "string" && (OPENINFERENCE_SPAN_KINDS as readonly string[]).includes(kind) && !OI_KINDS_WITH_LISTS.has(kind);
};
const isOiUnknownKind = (a: Attributes) => {
  const kind = a["openinference.span.kind"];
  return typeof kind !== "string" || !(OPENINFERENCE_SPAN_KINDS as readonly string[]).includes(kind);
};
const oiInputOutput = (field: "inputs" | "outputs"): PresenceRule[] => {
  const key = field === "inputs" ? "input.value" : "output.value";
  const common = {
    level: "recommended",
    because: `MLflow's ${field}`,
    notOnError: field === "outputs",
    spec: ourLevel(`${key}, or the lists each span kind records its ${field} in (embedding.embeddings, retrieval.documents, reranker.*)`),
  } as const;
  return [
    ...Object.entries(OI_IO_BY_KIND).map(([kind, io]) => ({ ...common, anyOf: [key, ...io[field]], when: isOiKind(kind) })),
    { ...common, anyOf: [key], when: isOiUnlistedKind },
    { ...common, anyOf: [key, ...OI_ANY_LIST[field]], when: isOiUnknownKind },
  ];
};

export const OPENINFERENCE_PRESENCE: readonly PresenceRule[] = [
  { anyOf: ["openinference.span.kind"], level: "required", because: "it decides the span type", spec: `${OI_SPEC_DOC}#span-kinds — openinference.span.kind is required on every OpenInference span` },
  { anyOf: ["llm.model_name"], level: "recommended", when: isOiKind("LLM"), because: "MLflow's model field", spec: ourLevel("llm.model_name on LLM spans") },
  { anyOf: ["llm.token_count.prompt"], level: "recommended", when: isOiKind("LLM"), because: "token usage and cost", notOnError: true, spec: ourLevel("llm.token_count.prompt on LLM spans") },
  { anyOf: ["llm.token_count.completion"], level: "recommended", when: isOiKind("LLM"), because: "token usage and cost", notOnError: true, spec: ourLevel("llm.token_count.completion on LLM spans") },
  ...oiInputOutput("inputs"),
  ...oiInputOutput("outputs"),
];

export const OPENINFERENCE_HINTS: Record<RequirableField, FieldHint> = {
  spanType: { default: "openinference.span.kind" },
  inputs: {
    default: "input.value",
    byType: {
      ...LLM_TYPES("llm.input_messages.N.message.role and .content (or input.value)"),
      EMBEDDING: "embedding.embeddings.N.embedding.text (or input.value)",
      RERANKER: "reranker.query or reranker.input_documents.N.document.content (or input.value)",
    },
  },
  outputs: {
    default: "output.value",
    byType: {
      ...LLM_TYPES("llm.output_messages.N.message.role and .content (or output.value)"),
      EMBEDDING: "embedding.embeddings.N.embedding.vector (or output.value)",
      RETRIEVER: "retrieval.documents.N.document.content (or output.value)",
      RERANKER: "reranker.output_documents.N.document.content (or output.value)",
    },
  },
  tokenUsage: { default: "llm.token_count.prompt and llm.token_count.completion", byType: { EMBEDDING: "llm.token_count.prompt" } },
  model: { default: "llm.model_name", byType: { EMBEDDING: "embedding.model_name (or llm.model_name)" } },
  provider: { default: "llm.provider" },
  tools: { default: "llm.tools.N.tool.json_schema" },
};
