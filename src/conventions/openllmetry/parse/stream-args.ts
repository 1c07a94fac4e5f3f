/**
 * Streamed tool calls under Traceloop's Anthropic instrumentation (`@traceloop/instrumentation-anthropic`
 * up to 0.27.0, the newest checked). Its stream wrapper rebuilds the reply from the stream events: it
 * copies each `content_block_start` block and appends only `text_delta` fragments, so a `tool_use` block
 * keeps the empty `input: {}` it starts with (the `input_json_delta` fragments that carry the arguments
 * are never joined), and the stop reason of `message_delta` is never copied (the output message gets
 * `finish_reason: ""`). The arguments `{}` in `gen_ai.output.messages` are therefore not what the model
 * sent. Nothing in the span holds them: the translation keeps `{}` as recorded and says so with a
 * `tool-arguments-not-captured` warning per call.
 *
 * A reply with a stop reason went through the non-streamed path, which records the arguments in full,
 * so a call there with `{}` is a call without arguments and is left alone.
 */
import { isPlainObject } from "../../../internal/records.js";
import type { ParseContext } from "../../../readers/context.js";
import { versionAtMost } from "../../../readers/usage.js";

const SCOPE = "@traceloop/instrumentation-anthropic";
/** The newest version whose stream wrapper was checked to drop the arguments. */
const CHECKED_UP_TO = "0.27.0";
/** The structured output messages 0.27 writes (a GenAI key, read by the GenAI parser). */
const OUTPUT_MESSAGES = "gen_ai.output.messages";

/** Whether `value` is the empty-object arguments the stream wrapper leaves (`{}`, or its JSON text). */
function emptyArguments(value: unknown): boolean {
  if (typeof value === "string") return value.trim() === "{}";
  return isPlainObject(value) && Object.keys(value).length === 0;
}

/** Adds the warning for each tool call of a streamed reply whose arguments the instrumentation lost. */
export function flagStreamedToolArguments(ctx: ParseContext): void {
  const scope = ctx.scope;
  if (scope === undefined || scope.name !== SCOPE || !versionAtMost(scope.version, CHECKED_UP_TO)) return;
  const raw = ctx.get(OUTPUT_MESSAGES);
  // Cheap test first: most spans of this scope have no tool call at all.
  if (typeof raw !== "string" || !raw.includes("tool_call")) return;
  const parsed = ctx.json(OUTPUT_MESSAGES);
  const source = scope.version === undefined ? SCOPE : `${SCOPE} ${scope.version}`;
  if (!parsed.ok || !Array.isArray(parsed.value)) return;
  for (const message of parsed.value) {
    if (!isPlainObject(message) || message.finish_reason !== "" || !Array.isArray(message.parts)) continue;
    for (const part of message.parts) {
      if (!isPlainObject(part) || part.type !== "tool_call" || !emptyArguments(part.arguments)) continue;
      const name = typeof part.name === "string" ? part.name : "";
      const id = typeof part.id === "string" ? ` (${part.id})` : "";
      ctx.diagnose(
        "tool-arguments-not-captured",
        "warning",
        `the streamed call of ${JSON.stringify(name)}${id} is recorded with arguments {}: ${source} does not join the streamed argument fragments, so the call's arguments are not in the trace`,
        OUTPUT_MESSAGES,
      );
    }
  }
}
