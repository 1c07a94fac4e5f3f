import { VERCEL } from "../keys.js";
import { VERCEL_GROUPS } from "../tables.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { readJsonValue } from "../../../readers/values.js";
import type { Obj } from "../../../internal/records.js";
// ---------------------------------------------------------------------------------------------
// AI SDK 7 operations without a chat shape: decide, extract, generateSpeech, transcribe
//
// Keys as the installed `@ai-sdk/otel` 1.0.185 writes them (dist/index.js: the decision / extraction
// span handlers and onAudioOperationStart / onAudioOperationEnd of both integrations; the GenAI one
// spells the media type `media_type`, the legacy one `mediaType`).

/**
 * decide: inputs `{state, questions}`, outputs `{answers}`; extract: inputs `{state, fields,
 * reference_date?}`, outputs `{answers}`. The request parameters (the model) join the inputs, as they
 * do a chat call's. Returns true when inputs were offered.
 */
export function readDecision(ctx: ParseContext, params: Obj): boolean {
  const decide = ctx.has(VERCEL.decisionState) || ctx.has(VERCEL.decisionQuestions) || ctx.has(VERCEL.decisionAnswers);
  const inputs: Obj = {};
  let answers: unknown;
  let found = false;
  if (decide) {
    found = take(ctx, VERCEL.decisionState, inputs, "state") || found;
    found = take(ctx, VERCEL.decisionQuestions, inputs, "questions") || found;
    answers = json(ctx, VERCEL.decisionAnswers);
  } else {
    found = take(ctx, VERCEL.extractionState, inputs, "state") || found;
    found = take(ctx, VERCEL.extractionFields, inputs, "fields") || found;
    found = take(ctx, VERCEL.extractionReferenceDate, inputs, "reference_date") || found;
    answers = json(ctx, VERCEL.extractionAnswers);
  }
  if (answers !== undefined) ctx.offer("outputs", { answers }, RANK.structured, "vercel-ai");
  if (!found) return false;
  for (const k in params) if (!(k in inputs)) inputs[k] = params[k];
  ctx.offer("inputs", inputs, RANK.structured, "vercel-ai");
  return true;
}

/**
 * generateSpeech: inputs `{input: text}` (OpenAI's speech request names the text `input`), outputs
 * `{audio: {media_type, size, format?}}` (the audio bytes are not recorded). transcribe: inputs
 * `{audio: {media_type, size}}`; the transcript (`ai.response.text`) is read as the reply by the chat
 * step. Returns true when inputs were offered.
 */
export function readAudio(ctx: ParseContext, params: Obj): boolean {
  const inputs: Obj = {};
  let found = false;
  if (ctx.has(VERCEL.requestText)) {
    const text = ctx.get(VERCEL.requestText);
    if (typeof text === "string") {
      ctx.consume(VERCEL.requestText);
      inputs.input = text;
      found = true;
    }
  }
  const inAudio = audioOf(ctx, VERCEL.requestAudioMediaType, VERCEL.requestAudioMediaTypeLegacy, VERCEL.requestAudioSize, undefined);
  if (inAudio) {
    inputs.audio = inAudio;
    found = true;
  }
  const outAudio = audioOf(ctx, VERCEL.responseAudioMediaType, VERCEL.responseAudioMediaTypeLegacy, VERCEL.responseAudioSize, VERCEL.responseAudioFormat);
  if (outAudio) ctx.offer("outputs", { audio: outAudio }, RANK.structured, "vercel-ai");
  if (!found) return false;
  for (const k in params) if (!(k in inputs)) inputs[k] = params[k];
  ctx.offer("inputs", inputs, RANK.structured, "vercel-ai");
  return true;
}

/** Whether the span has any AI SDK 7 decide / extract / audio key (one group bit). */
export const hasAi7Keys = (ctx: ParseContext): boolean => ctx.present(VERCEL_GROUPS.ai7);

function audioOf(ctx: ParseContext, mediaKey: string, legacyMediaKey: string, sizeKey: string, formatKey: string | undefined): Obj | undefined {
  let audio: Obj | undefined;
  const mediaKeyUsed = ctx.has(mediaKey) ? mediaKey : ctx.has(legacyMediaKey) ? legacyMediaKey : undefined;
  if (mediaKeyUsed !== undefined) {
    const media = ctx.get(mediaKeyUsed);
    if (typeof media === "string") {
      (audio ??= {}).media_type = media;
      ctx.consume(mediaKeyUsed);
    }
  }
  const size = ctx.get(sizeKey);
  if (typeof size === "number" && Number.isInteger(size) && size >= 0) {
    (audio ??= {}).size = size;
    ctx.consume(sizeKey);
  }
  if (formatKey !== undefined) {
    const format = ctx.get(formatKey);
    if (typeof format === "string") {
      (audio ??= {}).format = format;
      ctx.consume(formatKey);
    }
  }
  return audio;
}

/** The JSON value of `key` (a string that is not JSON stays a string); undefined when absent or unusable. */
function json(ctx: ParseContext, key: string): unknown {
  if (!ctx.has(key)) return undefined;
  const parsed = readJsonValue(ctx, key);
  if (!parsed.ok) return undefined;
  ctx.consume(key);
  return parsed.value;
}

function take(ctx: ParseContext, key: string, into: Obj, name: string): boolean {
  const value = json(ctx, key);
  if (value === undefined) return false;
  into[name] = value;
  return true;
}
