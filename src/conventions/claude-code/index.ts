/** Claude Code / Claude Agent SDK (bare `span.type`, content and Anthropic counts next to `gen_ai.*`): read only. */
import type { ConventionModule } from "../types.js";
import { CLAUDE_CODE_DETECTION } from "./keys.js";
import { parseClaudeCode } from "./parse/index.js";
import { CLAUDE_CODE_HINTS, CLAUDE_CODE_KEYS, CLAUDE_CODE_PRESENCE, CLAUDE_CODE_RULES_SOURCE } from "./rules.js";

export const claudeCode = {
  id: "claude-code",
  title: "Claude Code",
  doc: "docs/claude-code.md",
  detect: CLAUDE_CODE_DETECTION,
  parse: parseClaudeCode,
  rules: { source: CLAUDE_CODE_RULES_SOURCE, keys: CLAUDE_CODE_KEYS, presence: CLAUDE_CODE_PRESENCE, hints: CLAUDE_CODE_HINTS },
} as const satisfies ConventionModule<"claude-code">;
