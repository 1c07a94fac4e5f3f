/** Gemini CLI (GenAI keys with Gemini-shaped content, known by `gen_ai.agent.name = gemini-cli`): read only. */
import type { ConventionModule } from "../types.js";
import { geminiCliReader } from "./reader.js";
import { GEMINI_CLI_HINTS, GEMINI_CLI_KEYS, GEMINI_CLI_PRESENCE, GEMINI_CLI_RULES_SOURCE } from "./rules.js";

export const geminiCli = {
  ...geminiCliReader,
  title: "Gemini CLI",
  doc: "docs/gemini-cli.md",
  rules: { source: GEMINI_CLI_RULES_SOURCE, keys: GEMINI_CLI_KEYS, presence: GEMINI_CLI_PRESENCE, hints: GEMINI_CLI_HINTS },
} as const satisfies ConventionModule<"gemini-cli">;
