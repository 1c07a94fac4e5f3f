/**
 * The one finish-reason normaliser: every source's vocabulary -> the OpenAI vocabulary of canonical
 * choices (`stop`, `length`, `tool_calls`, `content_filter`, …). Values not listed are kept as they
 * came; an empty or non-string reason is null.
 */
const TO_CANONICAL: Readonly<Record<string, string>> = {
  // GenAI semconv (and OpenLLMetry, which copies it) says tool_call.
  tool_call: "tool_calls",
  // The Vercel AI SDK's unified reasons.
  "tool-calls": "tool_calls",
  "content-filter": "content_filter",
};

export function finishReason(reason: unknown): string | null {
  if (typeof reason !== "string" || reason === "") return null;
  return Object.prototype.hasOwnProperty.call(TO_CANONICAL, reason) ? TO_CANONICAL[reason]! : reason;
}
