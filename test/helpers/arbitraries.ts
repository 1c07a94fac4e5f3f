/** fast-check generators shared by the property suites. */
import fc from "fast-check";
import type { MlflowSpan } from "../../src/index.js";

/**
 * Canonical token usage as the parsers write it: input includes the cache counts, total = input +
 * output, optional cache, reasoning and (with `audio`) audio counts.
 */
export function tokenUsage(opts: { audio: boolean }): fc.Arbitrary<NonNullable<MlflowSpan["tokenUsage"]>> {
  const optional = (max: number) => fc.option(fc.nat(max), { nil: undefined });
  const none = fc.constant(undefined);
  return fc
    .record({
      input: fc.nat(10_000), output: fc.nat(1000), read: optional(100), write: optional(100), reasoning: optional(100),
      audioIn: opts.audio ? optional(100) : none, audioOut: opts.audio ? optional(100) : none,
    })
    .map((g) => {
      const input = g.input + (g.read ?? 0) + (g.write ?? 0);
      const u: NonNullable<MlflowSpan["tokenUsage"]> = { input_tokens: input, output_tokens: g.output, total_tokens: input + g.output };
      if (g.read !== undefined) u.cache_read_input_tokens = g.read;
      if (g.write !== undefined) u.cache_creation_input_tokens = g.write;
      if (g.reasoning !== undefined) u.reasoning_tokens = g.reasoning;
      if (g.audioIn !== undefined) u.input_audio_tokens = g.audioIn;
      if (g.audioOut !== undefined) u.output_audio_tokens = g.audioOut;
      return u;
    });
}
