/** The read side of the Claude Code module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { CLAUDE_CODE_DETECTION } from "./keys.js";
import { parseClaudeCode } from "./parse/index.js";

export const claudeCodeReader = {
  id: "claude-code",
  detect: CLAUDE_CODE_DETECTION,
  parse: parseClaudeCode,
} as const satisfies ConventionReader<"claude-code">;
