/**
 * The Vercel AI SDK's provider ids (`<provider>.<api>`: `openai.chat`, `openai.responses`,
 * `anthropic.messages`, `google.vertex.chat`, `amazon-bedrock`) in the GenAI spec's provider spelling.
 * Frameworks built on the AI SDK (Mastra) write these ids into `gen_ai.provider.name`.
 */
import { normalizeProvider } from "./values.js";

/** Provider parts whose name is not already the GenAI one; the id equals the prefix or goes on with a dot. */
const AI_SDK_PROVIDERS: readonly (readonly [prefix: string, provider: string])[] = [
  ["google.vertex", "gcp.vertex_ai"],
  ["google", "gcp.gemini"],
  ["amazon-bedrock", "aws.bedrock"],
  ["azure", "azure.ai.openai"],
  ["mistral", "mistral_ai"],
];

export function providerOfAiSdkId(raw: string): string {
  const lower = raw.trim().toLowerCase();
  for (const [prefix, name] of AI_SDK_PROVIDERS) {
    if (lower.startsWith(prefix) && (lower.length === prefix.length || lower.charCodeAt(prefix.length) === 0x2e /* . */)) return name;
  }
  const dot = lower.indexOf(".");
  return normalizeProvider(dot < 0 ? lower : lower.slice(0, dot));
}
