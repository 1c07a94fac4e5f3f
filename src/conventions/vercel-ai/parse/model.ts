import { VERCEL, VERCEL_PROVIDERS } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { normalizeProvider, readString } from "../../../readers/values.js";
// ---------------------------------------------------------------------------------------------
// Scalars

/**
 * `ai.model.provider` is the SDK's provider id, `<provider>.<api>` (`openai.chat`, `openai.responses`,
 * `anthropic.messages`, `google.vertex.chat`, `amazon-bedrock`): the provider is its first part, in the
 * GenAI spec's spelling. The attribute itself stays (the API part is not kept anywhere else).
 */
export function readProvider(ctx: ParseContext): void {
  const raw = readString(ctx, VERCEL.modelProvider);
  if (raw === undefined) return;
  const lower = raw.toLowerCase();
  let provider: string | undefined;
  for (const [prefix, name] of VERCEL_PROVIDERS) {
    if (lower.startsWith(prefix) && (lower.length === prefix.length || lower.charCodeAt(prefix.length) === 0x2e /* . */)) {
      provider = name;
      break;
    }
  }
  if (provider === undefined) {
    const dot = lower.indexOf(".");
    provider = normalizeProvider(dot < 0 ? lower : lower.slice(0, dot));
  }
  // Above `gen_ai.system` (RANK.raw, which holds the same id unsplit), below `gen_ai.provider.name`.
  ctx.offer("provider", provider, RANK.operation, "vercel-ai");
}
