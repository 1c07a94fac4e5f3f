/**
 * Builders for the OpenAI chat shapes of the canonical span, shared by every convention parser, and
 * the role normalisation they all need (sources say "human", "ai", "model", "function"...).
 */
import { isChatChoice, isChatMessage } from "../canonical/guards.js";
import { type ChatChoice, type ChatMessage, type ContentPart, type ToolCall } from "../canonical/span.js";
import type { ParseContext } from "./context.js";
import { isPlainObject } from "../internal/records.js";

const ROLE_ALIASES: Readonly<Record<string, string>> = {
  system: "system",
  developer: "developer",
  user: "user",
  human: "user",
  assistant: "assistant",
  ai: "assistant",
  model: "assistant",
  bot: "assistant",
  tool: "tool",
  function: "tool",
  ipython: "tool",
};

/** Canonical role for a source role; unknown roles are kept verbatim with an `unknown-role` diagnostic. */
export function normalizeRole(role: unknown, ctx?: ParseContext, key?: string): string {
  if (typeof role !== "string" || role === "") {
    ctx?.diagnose("unknown-role", "warning", `message role ${JSON.stringify(role)} is missing or not a string; "user" assumed`, key);
    return "user";
  }
  const known = ROLE_ALIASES[role.toLowerCase()];
  if (known) return known;
  ctx?.diagnose("unknown-role", "info", `message role "${role}" is not a chat role; kept as is`, key);
  return role;
}

export function message(role: string, content: string | ContentPart[] | null, extra?: Partial<ChatMessage>): ChatMessage {
  const msg: ChatMessage = { role, content };
  // Copied key by key, not spread (see docs/performance.md); `extra` has fixed names, so assignment is safe.
  if (extra !== undefined) for (const key in extra) (msg as unknown as Record<string, unknown>)[key] = (extra as Record<string, unknown>)[key];
  return msg;
}

/** Tool-call arguments are a JSON string in the OpenAI shape; objects are encoded, strings kept. */
export function toolCall(id: string | undefined, name: string, args: unknown): ToolCall {
  const argumentsText = typeof args === "string" ? args : args === undefined || args === null ? "{}" : JSON.stringify(args);
  return { id: id ?? "", type: "function", function: { name, arguments: argumentsText } };
}

export function choice(index: number, msg: ChatMessage, finishReason: string | null | undefined): ChatChoice {
  return { index, message: msg, finish_reason: finishReason ?? null };
}

/**
 * One text part becomes a plain string (what MLflow's UI renders best); several parts, or any media
 * or reasoning part, stay a part list so no boundary or media is flattened away.
 */
export function simplifyContent(parts: ContentPart[]): string | ContentPart[] | null {
  if (parts.length === 0) return null;
  const only = parts[0]!;
  if (parts.length === 1 && only.type === "text") return (only as { text: string }).text;
  return parts;
}

/**
 * The chat messages of a canonical `inputs` (`{messages: [...]}`), for emitters; undefined unless every
 * entry is a chat message (`inputs` may hold any value, and one that is not chat-shaped is written as
 * a value, not half as messages).
 */
export function chatMessages(value: unknown): ChatMessage[] | undefined {
  if (!isPlainObject(value) || !Array.isArray(value.messages)) return undefined;
  const list = value.messages as unknown[];
  for (let i = 0; i < list.length; i++) if (!isChatMessage(list[i])) return undefined;
  return list as ChatMessage[];
}

/** The choices of a canonical `outputs` (`{choices: [...]}`), for emitters; undefined unless every entry is a chat choice. */
export function chatChoices(value: unknown): ChatChoice[] | undefined {
  if (!isPlainObject(value) || !Array.isArray(value.choices)) return undefined;
  const list = value.choices as unknown[];
  for (let i = 0; i < list.length; i++) if (!isChatChoice(list[i])) return undefined;
  return list as ChatChoice[];
}
