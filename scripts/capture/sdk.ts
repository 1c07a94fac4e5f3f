/**
 * Loads the provider SDKs with `require` and builds clients pointed at the mock provider.
 *
 * Instrumentations patch modules from a `require` hook (require-in-the-middle), which an ESM
 * `import` under tsx never triggers. Loading the SDK through `createRequire` *after* the
 * instrumentation is enabled exercises exactly the auto-instrumentation path a CommonJS app gets.
 * (Only traceloop-legacy-openai.ts patches by hand, for the reason given there.)
 */
import { createRequire } from "node:module";

import type AnthropicModule from "@anthropic-ai/sdk";
import type OpenAIModule from "openai";

import { mockOrigin } from "./harness.js";

const require = createRequire(import.meta.url);

/** Obviously fake keys; the mock provider ignores them. */
const DUMMY_OPENAI_KEY = "sk-fixture-not-a-real-key";
const DUMMY_ANTHROPIC_KEY = "sk-ant-fixture-not-a-real-key";

export function requireOpenAI(): typeof import("openai") {
  return require("openai") as typeof import("openai");
}

export function requireAnthropic(): typeof import("@anthropic-ai/sdk") {
  return require("@anthropic-ai/sdk") as typeof import("@anthropic-ai/sdk");
}

export function openaiClient(sdk: typeof import("openai")): OpenAIModule {
  return new sdk.OpenAI({
    apiKey: DUMMY_OPENAI_KEY,
    baseURL: `${mockOrigin()}/v1`,
    maxRetries: 0,
    timeout: 10_000,
  });
}

export interface AnthropicClientOptions {
  /**
   * The Anthropic SDK (>= 0.134) traces its own API calls with the global tracer provider unless
   * told not to. Off by default here so that each instrumentation's fixtures hold only its spans.
   */
  readonly nativeTracing?: "off" | "metadata" | "content";
}

export function anthropicClient(
  sdk: typeof import("@anthropic-ai/sdk"),
  options: AnthropicClientOptions = {},
): AnthropicModule {
  const nativeTracing = options.nativeTracing ?? "off";
  return new sdk.Anthropic({
    apiKey: DUMMY_ANTHROPIC_KEY,
    baseURL: mockOrigin(),
    maxRetries: 0,
    timeout: 10_000,
    openTelemetry:
      nativeTracing === "off"
        ? false
        : { traces: { enabled: true, contentMode: nativeTracing === "content" ? "content" : "metadata_only" } },
  });
}
