/**
 * Old `gen_ai.system` values renamed in `gen_ai.provider.name`, and the capitalised names some
 * instrumentations write ("OpenAI", "Anthropic"); matched after lower-casing.
 */
export const GENAI_PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  "az.ai.inference": "azure.ai.inference",
  "az.ai.openai": "azure.ai.openai",
  azure_openai: "azure.ai.openai",
  vertex_ai: "gcp.vertex_ai",
  gemini: "gcp.gemini",
  mistralai: "mistral_ai",
  xai: "x_ai",
  bedrock: "aws.bedrock",
};
