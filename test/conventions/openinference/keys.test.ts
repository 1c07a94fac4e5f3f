/**
 * Every key constant in src/conventions/openinference.ts matches Arize's published constants
 * (`@arizeai/openinference-semantic-conventions`, a devDependency only; the library never imports it).
 */
import { MimeType, OpenInferenceSpanKind, SemanticConventions as SC } from "@arizeai/openinference-semantic-conventions";
import { describe, expect, it } from "vitest";
import { OI, OI_CONTENT_FIELD, OI_CONTENT_TYPES, OI_DOCUMENT_FIELD, OI_EMBEDDING_FIELD, OI_MESSAGE_FIELD, OI_MIME, OI_SPAN_KINDS, OI_TOOL_CALL_FIELD, OPENINFERENCE_DETECTION, OPENINFERENCE_SPEC_ONLY_KEYS } from "../../../src/conventions/openinference/keys.js";
import { OPENINFERENCE_SPAN_KINDS } from "../../../src/conventions/openinference/rules.js";
import { conventionOfKey } from "../../../src/pipeline/detect.js";

/** Our constant -> the package's constant holding the same key. */
const SPAN_KEYS: Record<keyof typeof OI, string> = {
  spanKind: SC.OPENINFERENCE_SPAN_KIND,
  inputValue: SC.INPUT_VALUE,
  inputMimeType: SC.INPUT_MIME_TYPE,
  outputValue: SC.OUTPUT_VALUE,
  outputMimeType: SC.OUTPUT_MIME_TYPE,
  inputMessages: SC.LLM_INPUT_MESSAGES,
  outputMessages: SC.LLM_OUTPUT_MESSAGES,
  prompts: SC.LLM_PROMPTS,
  modelName: SC.LLM_MODEL_NAME,
  requestModelName: SC.LLM_REQUEST_MODEL_NAME,
  responseModelName: SC.LLM_RESPONSE_MODEL_NAME,
  provider: SC.LLM_PROVIDER,
  system: SC.LLM_SYSTEM,
  invocationParameters: SC.LLM_INVOCATION_PARAMETERS,
  finishReason: SC.LLM_FINISH_REASON,
  tools: SC.LLM_TOOLS,
  functionCall: SC.LLM_FUNCTION_CALL,
  promptTemplateTemplate: SC.PROMPT_TEMPLATE_TEMPLATE,
  promptTemplateVariables: SC.PROMPT_TEMPLATE_VARIABLES,
  promptTemplateVersion: SC.PROMPT_TEMPLATE_VERSION,
  tokenPrompt: SC.LLM_TOKEN_COUNT_PROMPT,
  tokenCompletion: SC.LLM_TOKEN_COUNT_COMPLETION,
  tokenTotal: SC.LLM_TOKEN_COUNT_TOTAL,
  tokenPromptCacheRead: SC.LLM_TOKEN_COUNT_PROMPT_DETAILS_CACHE_READ,
  tokenPromptCacheWrite: SC.LLM_TOKEN_COUNT_PROMPT_DETAILS_CACHE_WRITE,
  tokenPromptCacheInput: SC.LLM_TOKEN_COUNT_PROMPT_DETAILS_CACHE_INPUT,
  tokenPromptAudio: SC.LLM_TOKEN_COUNT_PROMPT_DETAILS_AUDIO,
  tokenCompletionReasoning: SC.LLM_TOKEN_COUNT_COMPLETION_DETAILS_REASONING,
  tokenCompletionAudio: SC.LLM_TOKEN_COUNT_COMPLETION_DETAILS_AUDIO,
  costPrompt: SC.LLM_COST_PROMPT,
  costCompletion: SC.LLM_COST_COMPLETION,
  costTotal: SC.LLM_COST_TOTAL,
  retrievalDocuments: SC.RETRIEVAL_DOCUMENTS,
  rerankerInputDocuments: SC.RERANKER_INPUT_DOCUMENTS,
  rerankerOutputDocuments: SC.RERANKER_OUTPUT_DOCUMENTS,
  rerankerQuery: SC.RERANKER_QUERY,
  rerankerModelName: SC.RERANKER_MODEL_NAME,
  rerankerTopK: SC.RERANKER_TOP_K,
  embeddingModelName: SC.EMBEDDING_MODEL_NAME,
  embeddingEmbeddings: SC.EMBEDDING_EMBEDDINGS,
  toolName: SC.TOOL_NAME,
  toolDescription: SC.TOOL_DESCRIPTION,
  toolParameters: SC.TOOL_PARAMETERS,
  toolJsonSchema: SC.TOOL_JSON_SCHEMA,
  toolId: SC.TOOL_ID,
  sessionId: SC.SESSION_ID,
  userId: SC.USER_ID,
  metadata: SC.METADATA,
  tagTags: SC.TAG_TAGS,
};

const MESSAGE_KEYS: Record<keyof typeof OI_MESSAGE_FIELD, string> = {
  role: SC.MESSAGE_ROLE,
  content: SC.MESSAGE_CONTENT,
  contents: SC.MESSAGE_CONTENTS,
  name: SC.MESSAGE_NAME,
  toolCalls: SC.MESSAGE_TOOL_CALLS,
  toolCallId: SC.MESSAGE_TOOL_CALL_ID,
  functionCallName: SC.MESSAGE_FUNCTION_CALL_NAME,
  functionCallArguments: SC.MESSAGE_FUNCTION_CALL_ARGUMENTS_JSON,
};

const CONTENT_KEYS: Record<keyof typeof OI_CONTENT_FIELD, string> = {
  type: SC.MESSAGE_CONTENT_TYPE,
  text: SC.MESSAGE_CONTENT_TEXT,
  image: SC.MESSAGE_CONTENT_IMAGE,
  audio: SC.MESSAGE_CONTENT_AUDIO,
  video: SC.MESSAGE_CONTENT_VIDEO,
  id: SC.MESSAGE_CONTENT_ID,
  signature: SC.MESSAGE_CONTENT_SIGNATURE,
  data: SC.MESSAGE_CONTENT_DATA,
  encryptedContent: SC.MESSAGE_CONTENT_ENCRYPTED_CONTENT,
  imageUrl: SC.IMAGE_URL,
  audioUrl: "audio.url",
  audioMimeType: "audio.mime_type",
  audioTranscript: "audio.transcript",
  videoUrl: SC.VIDEO_URL,
};

const TOOL_CALL_KEYS: Record<keyof typeof OI_TOOL_CALL_FIELD, string> = {
  id: SC.TOOL_CALL_ID,
  functionName: SC.TOOL_CALL_FUNCTION_NAME,
  functionArguments: SC.TOOL_CALL_FUNCTION_ARGUMENTS_JSON,
  reasoningSignature: SC.TOOL_CALL_REASONING_SIGNATURE,
};

const DOCUMENT_KEYS: Record<keyof typeof OI_DOCUMENT_FIELD, string> = {
  id: SC.DOCUMENT_ID,
  content: SC.DOCUMENT_CONTENT,
  score: SC.DOCUMENT_SCORE,
  metadata: SC.DOCUMENT_METADATA,
};

const EMBEDDING_KEYS: Record<keyof typeof OI_EMBEDDING_FIELD, string> = {
  text: SC.EMBEDDING_TEXT,
  vector: SC.EMBEDDING_VECTOR,
};

describe("OpenInference key constants match @arizeai/openinference-semantic-conventions", () => {
  const tables = [
    ["span keys", OI, SPAN_KEYS],
    ["message fields", OI_MESSAGE_FIELD, MESSAGE_KEYS],
    ["content fields", OI_CONTENT_FIELD, CONTENT_KEYS],
    ["tool-call fields", OI_TOOL_CALL_FIELD, TOOL_CALL_KEYS],
    ["document fields", OI_DOCUMENT_FIELD, DOCUMENT_KEYS],
    ["embedding fields", OI_EMBEDDING_FIELD, EMBEDDING_KEYS],
  ] as const;
  for (const [label, ours, theirs] of tables) {
    it.each(Object.keys(ours))(`${label}: %s`, (name) => {
      expect((ours as Record<string, string>)[name]).toBe((theirs as Record<string, string>)[name]);
    });
  }

  it("the audio leaves (exported only as prefix parts) are spelled as in the package's AUDIO_* constants", async () => {
    const pkg = await import("@arizeai/openinference-semantic-conventions");
    expect([pkg.AUDIO_URL, pkg.AUDIO_MIME_TYPE, pkg.AUDIO_TRANSCRIPT]).toEqual([OI_CONTENT_FIELD.audioUrl, OI_CONTENT_FIELD.audioMimeType, OI_CONTENT_FIELD.audioTranscript]);
  });

  it("span kinds: ours are the package's enum plus UNKNOWN, and the validation table agrees", () => {
    expect(Object.values(OI_SPAN_KINDS).filter((k) => k !== "UNKNOWN").sort()).toEqual(Object.values(OpenInferenceSpanKind).sort());
    expect([...OPENINFERENCE_SPAN_KINDS].sort()).toEqual(Object.values(OI_SPAN_KINDS).sort());
  });

  it("mime types", () => {
    expect(OI_MIME).toEqual({ text: MimeType.TEXT, json: MimeType.JSON });
  });

  it("content types include the spec's list", () => {
    expect([...OI_CONTENT_TYPES]).toEqual(["text", "image", "audio", "video", "reasoning", "tool_use"]);
  });

  it("spec-only keys are still absent from the package (a release that adds one must be checked)", () => {
    const published = new Set<string>(Object.values(SC));
    for (const key of Object.values(OPENINFERENCE_SPEC_ONLY_KEYS)) expect(published.has(key), key).toBe(false);
  });

  it("every detection rule names a key or a list prefix of the package", () => {
    const published = Object.values(SC) as string[];
    for (const rule of OPENINFERENCE_DETECTION) {
      const prefix = rule.exact ? rule.prefix : rule.prefix.replace(/\.$/, "");
      const known = published.some((k) => k === prefix || k.startsWith(`${prefix}.`)) || (Object.values(OPENINFERENCE_SPEC_ONLY_KEYS) as string[]).includes(prefix);
      expect(known, rule.prefix).toBe(true);
    }
  });

  it("the span-level keys we read are detected as OpenInference (except context keys every convention may carry)", () => {
    const context = new Set<string>([OI.sessionId, OI.userId, OI.metadata, OI.tagTags, OI.toolName, OI.toolDescription, OI.toolParameters, OI.toolJsonSchema, OI.toolId]);
    for (const key of Object.values(OI)) {
      const probe = [OI.inputMessages, OI.outputMessages, OI.tools, OI.retrievalDocuments, OI.rerankerInputDocuments, OI.rerankerOutputDocuments, OI.embeddingEmbeddings].includes(key as never) ? `${key}.0.x` : key;
      expect(conventionOfKey(probe), key).toBe(context.has(key) ? undefined : "openinference");
    }
  });
});
