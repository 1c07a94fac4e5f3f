/**
 * The convention ids, in the order of CONVENTIONS, as plain strings. conventions/index.ts checks at
 * compile time that this list and CONVENTIONS (and READERS) name the same ids in the same order. It
 * exists so that code needing only the names (the `mlflow-semconv/schemas` enum of
 * `MlflowSpan.conventions`) does not import the modules, and so bundle every parser and emitter
 * (docs/architecture.md "Bundle size").
 */
export const CONVENTION_ID_LIST = [
  "mlflow",
  "openinference",
  "openllmetry",
  "vercel-ai",
  "langfuse",
  "claude-code",
  "voltagent",
  "laminar",
  "pydantic-ai",
  "strands",
  "mastra",
  "google-adk",
  "livekit",
  "gemini-cli",
  "spring-ai",
  "genai",
] as const;
