import { normalizeProvider, readString } from "../../../readers/values.js";
import { providerFromHostAndSystem } from "../../../canonical/providers.js";
import type { SpanType } from "../../../canonical/span.js";
import { OI } from "../keys.js";
import { safeJsonParse } from "../../../internal/json.js";
import { isPlainObject } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
export function readProvider(ctx: ParseContext): void {
  const provider = readString(ctx, OI.provider);
  const system = readString(ctx, OI.system);
  if (provider !== undefined) ctx.consume(OI.provider);
  if (system !== undefined) ctx.consume(OI.system);
  // `llm.provider` names the host (azure, aws); `llm.system` the API family. Both map to one GenAI
  // well-known value (canonical/providers.ts): aws -> aws.bedrock, azure + openai -> azure.ai.openai.
  const value = providerFromHostAndSystem(provider?.trim().toLowerCase() || undefined, system?.trim().toLowerCase() || undefined);
  if (value !== undefined) ctx.offer("provider", value, RANK.flattened, "openinference");
  else readLangChainProvider(ctx);
}

/**
 * OpenInference's LangChain instrumentation writes no `llm.provider`, but LangChain's own run metadata
 * (`metadata`, JSON) names it: `ls_provider` (`openai`, `anthropic`, …). A weak source: it stays in
 * `metadata`, which is not consumed, and any provider key on the span wins.
 */
function readLangChainProvider(ctx: ParseContext): void {
  const raw = ctx.get(OI.metadata);
  if (typeof raw !== "string" || !raw.includes('"ls_provider"')) return;
  const parsed = safeJsonParse(raw);
  if (!parsed.ok || !isPlainObject(parsed.value)) return;
  const name = parsed.value.ls_provider;
  if (typeof name === "string" && name !== "") ctx.offer("provider", normalizeProvider(name), RANK.inferred, "openinference");
}

export interface ModelNames {
  /** The model by the keys alone (offered by the caller, which may know the response model better). */
  model?: string;
  name?: string;
  request?: string;
  response?: string;
  any: boolean;
}

export function readModel(ctx: ParseContext, kind: SpanType | undefined): ModelNames {
  const name = readString(ctx, OI.modelName);
  const request = readString(ctx, OI.requestModelName);
  const response = readString(ctx, OI.responseModelName);
  const embedding = readString(ctx, OI.embeddingModelName);
  const reranker = readString(ctx, OI.rerankerModelName);
  // One by one rather than a loop over a list of pairs: no arrays per span.
  if (name !== undefined) ctx.consume(OI.modelName);
  if (request !== undefined) ctx.consume(OI.requestModelName);
  if (response !== undefined) ctx.consume(OI.responseModelName);
  if (embedding !== undefined) ctx.consume(OI.embeddingModelName);
  if (reranker !== undefined) ctx.consume(OI.rerankerModelName);
  // The spec: llm.model_name equals the response model when known, else the requested one.
  const llm = response ?? name ?? request;
  const model = kind === "EMBEDDING" ? (embedding ?? llm) : kind === "RERANKER" ? (reranker ?? llm) : (llm ?? embedding ?? reranker);
  const out: ModelNames = { any: llm !== undefined };
  if (model !== undefined) out.model = model;
  if (name !== undefined) out.name = name;
  if (request !== undefined) out.request = request;
  if (response !== undefined) out.response = response;
  return out;
}
