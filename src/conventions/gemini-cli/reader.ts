/** The read side of the Gemini CLI module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { GEMINI_CLI_DETECT_VALUES } from "./keys.js";
import { parseGeminiCli } from "./parse.js";

export const geminiCliReader = {
  id: "gemini-cli",
  detect: [],
  detectValues: GEMINI_CLI_DETECT_VALUES,
  parse: parseGeminiCli,
} as const satisfies ConventionReader<"gemini-cli">;
