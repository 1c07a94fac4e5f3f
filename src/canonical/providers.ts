/**
 * The one provider vocabulary of the canonical span: the GenAI conventions' well-known
 * `gen_ai.provider.name` values (`openai`, `anthropic`, `aws.bedrock`, `azure.ai.openai`,
 * `azure.ai.inference`, `gcp.vertex_ai`, `gcp.gemini`, `gcp.gen_ai`, `cohere`, `mistral_ai`, `x_ai`,
 * `deepseek`, `groq`, `perplexity`, `ibm.watsonx.ai`). Other conventions' names are mapped here.
 */

/**
 * Old `gen_ai.system` values renamed in `gen_ai.provider.name`, other conventions' names for the same
 * provider (OpenInference `llm.provider` / `llm.system`, AI SDK provider ids), and the capitalised names
 * some instrumentations write ("OpenAI", "Anthropic"); matched after lower-casing.
 */
export const GENAI_PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  "az.ai.inference": "azure.ai.inference",
  "az.ai.openai": "azure.ai.openai",
  azure_openai: "azure.ai.openai",
  vertex_ai: "gcp.vertex_ai",
  vertexai: "gcp.vertex_ai",
  "google.vertex": "gcp.vertex_ai",
  gemini: "gcp.gemini",
  "google.generative-ai": "gcp.gemini",
  google_genai: "gcp.gen_ai",
  google_vertexai: "gcp.vertex_ai",
  amazon_bedrock: "aws.bedrock",
  mistralai: "mistral_ai",
  mistral: "mistral_ai",
  xai: "x_ai",
  bedrock: "aws.bedrock",
  "amazon-bedrock": "aws.bedrock",
  aws_bedrock: "aws.bedrock",
};

/**
 * OpenInference's `llm.provider` names the host (`aws`, `azure`, `google`), `llm.system` the API
 * family (`openai`, `anthropic`, `vertexai`, `meta`, `amazon`): together they give the GenAI value.
 * `provider` and `system` are lower-cased raw values; either may be missing.
 */
export function providerFromHostAndSystem(provider: string | undefined, system: string | undefined): string | undefined {
  switch (provider) {
    case "aws":
      return "aws.bedrock";
    case "azure":
      return system === undefined || system === "openai" ? "azure.ai.openai" : "azure.ai.inference";
    case "google":
      return system === "vertexai" ? "gcp.vertex_ai" : system === "gemini" ? "gcp.gemini" : "gcp.gen_ai";
    case undefined:
      break;
    default:
      return aliasOf(provider);
  }
  return system === undefined ? undefined : aliasOf(system);
}

function aliasOf(name: string): string {
  return Object.prototype.hasOwnProperty.call(GENAI_PROVIDER_ALIASES, name) ? GENAI_PROVIDER_ALIASES[name]! : name;
}

/**
 * A provider inferred from a model id, for spans whose provider key is missing. Bedrock model ids
 * (`anthropic.claude-…`, `us.amazon.nova-…`, `meta.llama…`, ARNs) name Bedrock, the host. Undefined when
 * the id says nothing certain.
 */
export function providerFromModel(model: string): string | undefined {
  const m = model.trim().toLowerCase();
  if (m.startsWith("arn:aws:bedrock")) return "aws.bedrock";
  if (/^(?:(?:us|eu|apac|global)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|writer|qwen)\.[a-z0-9]/.test(m)) return "aws.bedrock";
  if (/^claude-/.test(m)) return "anthropic";
  if (/^(?:gpt-|chatgpt-|o[1345](?:-|$)|text-embedding-|davinci|babbage|dall-e|whisper-|tts-1)/.test(m)) return "openai";
  // Gemini models are served by the Gemini API and by Vertex AI alike: the umbrella value.
  if (/^(?:models\/)?gemini-/.test(m)) return "gcp.gen_ai";
  if (/^command(?:-|$)|^embed-(?:english|multilingual)|^rerank-/.test(m)) return "cohere";
  if (/^(?:mistral-|mixtral-|codestral|ministral|open-mistral|pixtral)/.test(m)) return "mistral_ai";
  if (/^grok-/.test(m)) return "x_ai";
  if (/^deepseek-/.test(m)) return "deepseek";
  return undefined;
}

/** A provider from a span name some instrumentations use (`bedrock.converse`, `BedrockRuntime.Converse`). */
export function providerFromSpanName(name: string): string | undefined {
  const n = name.toLowerCase();
  if (n.startsWith("bedrock.") || n.startsWith("bedrockruntime.") || n.startsWith("bedrock-runtime.")) return "aws.bedrock";
  return undefined;
}
