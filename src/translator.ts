/**
 * `mlflow-semconv/translator`: a translator over the conventions a server chooses, for a bundle that
 * holds only their parsers (esbuild, minified, gzip: mlflow + genai about 19 KB, the first five
 * conventions under 40 KB, against about 55 KB for `toMlflowSpan` from the main entry, which reads
 * all sixteen). Each reader and module is a constant of its own, so a bundler drops the ones a program
 * does not pass.
 *
 *   import { createTranslator, genaiReader, openinferenceReader, toMlflowAttributes } from "mlflow-semconv/translator";
 *   const { toMlflowSpan } = createTranslator({ conventions: [genaiReader, openinferenceReader] });
 *
 * `createFullTranslator` takes the conventions' full modules and adds `fromMlflowSpan` and
 * `validateSpan` over them (their emitters and rules):
 *
 *   const { toMlflowSpan, fromMlflowSpan, validateSpan } = createFullTranslator({ conventions: [genaiModule, mlflowModule] });
 */
export { createTranslator, type Translator, type TranslatorOptions } from "./pipeline/translator.js";
export { createFullTranslator, type FullTranslator, type WritableId } from "./pipeline/full-translator.js";
export type { ValidateOptions } from "./pipeline/validator.js";
export type { ToMlflowOptions } from "./pipeline/to-mlflow.js";
export { toMlflowAttributes } from "./conventions/mlflow/encode.js";
export type { ConventionModule, ConventionReader, EmitOptions } from "./conventions/types.js";
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
export { claudeCode as claudeCodeModule } from "./conventions/claude-code/index.js";
export { geminiCli as geminiCliModule } from "./conventions/gemini-cli/index.js";
export { genai as genaiModule } from "./conventions/genai/index.js";
export { googleAdk as googleAdkModule } from "./conventions/google-adk/index.js";
export { laminar as laminarModule } from "./conventions/laminar/index.js";
export { langfuse as langfuseModule } from "./conventions/langfuse/index.js";
export { livekit as livekitModule } from "./conventions/livekit/index.js";
export { mastra as mastraModule } from "./conventions/mastra/index.js";
export { mlflow as mlflowModule } from "./conventions/mlflow/index.js";
export { openinference as openinferenceModule } from "./conventions/openinference/index.js";
export { openllmetry as openllmetryModule } from "./conventions/openllmetry/index.js";
export { pydanticAi as pydanticAiModule } from "./conventions/pydantic-ai/index.js";
export { springAi as springAiModule } from "./conventions/spring-ai/index.js";
export { strands as strandsModule } from "./conventions/strands/index.js";
export { vercelAi as vercelAiModule } from "./conventions/vercel-ai/index.js";
export { voltagent as voltagentModule } from "./conventions/voltagent/index.js";
export type { SpanLike, SpanLikeEvent, HrTime, TimeInput } from "./otlp/span-like.js";
export type { Attributes, AttributeValue, CanonicalSpan, Diagnostic, SpanType } from "./canonical/span.js";
