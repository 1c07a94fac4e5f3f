import { normalizeProvider, readString } from "../../../readers/values.js";
import { GENAI } from "../keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
// ---------------------------------------------------------------------------------------------
// Scalars




export function readProvider(ctx: ParseContext): void {
  const provider = readString(ctx, GENAI.provider);
  const system = readString(ctx, GENAI.system);
  if (provider !== undefined) ctx.consume(GENAI.provider);
  if (system !== undefined) ctx.consume(GENAI.system);
  const value = provider ?? system;
  if (value !== undefined) ctx.offer("provider", normalizeProvider(value), provider !== undefined ? RANK.structured : RANK.raw, "genai");
}
