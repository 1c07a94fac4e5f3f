/**
 * Tool choice of the mock's Anthropic endpoint for coding agents (Claude Code / the Claude Agent
 * SDK), which offer their own built-in tools on every request and never `get_weather`.
 *
 * `agentToolChoice` looks at the offered tools and the last user text:
 *   - no built-in agent tool offered (`Glob`)  -> `undefined`: the mock's usual rules apply;
 *   - the prompt asks about files              -> call `Glob` with `{pattern: "*"}` (lists the
 *                                                working directory, no absolute paths needed);
 *   - the prompt mentions an agent             -> call `Agent` (a foreground general-purpose
 *                                                subagent asked to count from 1 to 5);
 *   - otherwise                                -> `"text"`: answer in text, call nothing.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface AgentToolCall {
  readonly name: string;
  readonly input: JsonObject;
  /** The text block the model writes before the call. */
  readonly text: string;
}

export function agentToolChoice(tools: readonly Json[], lastUserText: string): AgentToolCall | "text" | undefined {
  const names = new Set(tools.map((t) => (typeof t === "object" && t !== null && !Array.isArray(t) ? t["name"] : undefined)));
  if (!names.has("Glob")) return undefined;
  if (/\b(files|directory|folder)\b/i.test(lastUserText)) return { name: "Glob", input: { pattern: "*" }, text: "I'll list the files." };
  // Delegation to a subagent, in the foreground so the turn waits for it.
  if (names.has("Agent") && /\bagent\b/i.test(lastUserText)) {
    return {
      name: "Agent",
      input: { description: "Count to five", prompt: "Count from 1 to 5.", subagent_type: "general-purpose", run_in_background: false },
      text: "I'll ask an agent to do it.",
    };
  }
  return "text";
}

/** The last text block of a message `content` (agents put reminders before the prompt). */
export function lastTextBlock(content: Json | undefined): string {
  if (typeof content === "string") return content.trim();
  if (!Array.isArray(content)) return "";
  const texts = content.flatMap((b) =>
    typeof b === "object" && b !== null && !Array.isArray(b) && typeof b["text"] === "string" ? [b["text"].trim()] : [],
  );
  return texts[texts.length - 1] ?? "";
}

/**
 * The Anthropic API answers an unknown model with HTTP 404 `not_found_error`; the mock does the
 * same for any model whose name contains `nonexistent` (agents offer no temperature to break).
 */
export function unknownModelError(model: Json | undefined): JsonObject | undefined {
  if (typeof model !== "string" || !model.includes("nonexistent")) return undefined;
  return { type: "error", error: { type: "not_found_error", message: `model: ${model}` }, request_id: "req_fixture_anthropic" };
}
