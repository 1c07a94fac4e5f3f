/**
 * `mlflow-semconv/translator`: a translator over the conventions a server chooses, for a bundle that
 * holds only their parsers (esbuild, minified, gzip: mlflow + genai about 18 KB, the first five
 * conventions under 40 KB, against about 54 KB for `toMlflowSpan` from the main entry, which reads
 * all sixteen). Each reader is a constant of its own, so a bundler drops the ones a program does not
 * pass to `createTranslator`.
 *
 *   import { createTranslator, genaiReader, openinferenceReader, toMlflowAttributes } from "mlflow-semconv/translator";
 *   const { toMlflowSpan } = createTranslator({ conventions: [genaiReader, openinferenceReader] });
 */
export { createTranslator, type Translator, type TranslatorOptions } from "./pipeline/translator.js";
export type { ToMlflowOptions } from "./pipeline/to-mlflow.js";
export { toMlflowAttributes } from "./conventions/mlflow/encode.js";
export type { ConventionReader } from "./conventions/types.js";
export { claudeCodeReader } from "./conventions/claude-code/reader.js";
export { geminiCliReader } from "./conventions/gemini-cli/reader.js";
export { genaiReader } from "./conventions/genai/reader.js";
export { googleAdkReader } from "./conventions/google-adk/reader.js";
export { laminarReader } from "./conventions/laminar/reader.js";
export { langfuseReader } from "./conventions/langfuse/reader.js";
export { livekitReader } from "./conventions/livekit/reader.js";
export { mastraReader } from "./conventions/mastra/reader.js";
export { mlflowReader } from "./conventions/mlflow/reader.js";
export { openinferenceReader } from "./conventions/openinference/reader.js";
export { openllmetryReader } from "./conventions/openllmetry/reader.js";
export { pydanticAiReader } from "./conventions/pydantic-ai/reader.js";
export { springAiReader } from "./conventions/spring-ai/reader.js";
export { strandsReader } from "./conventions/strands/reader.js";
export { vercelAiReader } from "./conventions/vercel-ai/reader.js";
export { voltagentReader } from "./conventions/voltagent/reader.js";
export type { SpanLike, SpanLikeEvent, HrTime, TimeInput } from "./otlp/span-like.js";
export type { Attributes, AttributeValue, CanonicalSpan, Diagnostic, SpanType } from "./canonical/span.js";
