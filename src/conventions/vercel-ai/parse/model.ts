import { VERCEL } from "../keys.js";
import { providerOfAiSdkId } from "../../../readers/ai-sdk-provider.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { readString } from "../../../readers/values.js";

/**
 * `ai.model.provider` is the SDK's provider id, `<provider>.<api>` (`openai.chat`, `openai.responses`,
 * `anthropic.messages`, `google.vertex.chat`, `amazon-bedrock`): the provider is its first part, in the
 * GenAI spec's spelling (readers/ai-sdk-provider.ts). The attribute itself stays (the API part is not
 * kept anywhere else).
 */
export function readProvider(ctx: ParseContext): void {
  const raw = readString(ctx, VERCEL.modelProvider);
  if (raw === undefined) return;
  // Above `gen_ai.system` (RANK.raw, which holds the same id unsplit), below `gen_ai.provider.name`.
  ctx.offer("provider", providerOfAiSdkId(raw), RANK.operation, "vercel-ai");
}
