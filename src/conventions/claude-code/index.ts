/** Claude Code / Claude Agent SDK (bare `span.type`, content and Anthropic counts next to `gen_ai.*`): read only. */
import type { ConventionModule } from "../types.js";
import { claudeCodeReader } from "./reader.js";
import { CLAUDE_CODE_HINTS, CLAUDE_CODE_KEYS, CLAUDE_CODE_PRESENCE, CLAUDE_CODE_RULES_SOURCE } from "./rules.js";

export const claudeCode = {
  ...claudeCodeReader,
  title: "Claude Code",
  doc: "docs/claude-code.md",
  rules: { source: CLAUDE_CODE_RULES_SOURCE, keys: CLAUDE_CODE_KEYS, presence: CLAUDE_CODE_PRESENCE, hints: CLAUDE_CODE_HINTS },
} as const satisfies ConventionModule<"claude-code">;
