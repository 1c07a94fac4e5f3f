/**
 * OpenInference spans for LangChain.js (`@arizeai/openinference-instrumentation-langchain`)
 * around `@langchain/openai`'s ChatOpenAI.
 *
 * The package cannot hook `@langchain/core` through a require hook (its README says so: the
 * callback manager has to be instrumented by hand), so this uses the documented entry point,
 * `manuallyInstrument(CallbackManagerModule)`, with the CommonJS copy of the module that the
 * scenarios load (see langchain.ts).
 */
import { LangChainInstrumentation } from "@arizeai/openinference-instrumentation-langchain";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { langchainScenarios, requireCallbackManagerModule } from "./langchain.js";

const telemetry = setupTelemetry("fixture-openinference-langchain");

const instrumentation = new LangChainInstrumentation({ tracerProvider: telemetry.tracerProvider });
instrumentation.manuallyInstrument(requireCallbackManagerModule());

await runCapture({
  telemetry,
  convention: "openinference",
  instrumentation: "openinference-langchain",
  instrumentationPackages: [
    packageVersion("@arizeai/openinference-instrumentation-langchain"),
    packageVersion("@langchain/core"),
  ],
  sdkPackage: packageVersion("@langchain/openai"),
  scenarios: langchainScenarios({
    chain: [
      "ChatPromptTemplate is a PROMPT span with llm.prompt_template.variables (JSON) and llm.prompt_template.template holding only the first message's template (the system prompt)",
      "the sequence's input {country: \"France\"} arrives as the text France (see above)",
    ],
    "tool-call": [
      "the lambda hands its config to the calls inside it; without that (or the AsyncLocalStorage that importing @langchain/core/context installs) each call would be a trace of its own",
      "tool span: input.value the arguments JSON, output.value {\"output\": <ToolMessage envelope>} with the tool_call_id",
      "the assistant tool-call turn is recorded with content \"\" and no tool_call.id; the tool message without tool_call_id",
    ],
  }),
  notes: [
    "patched with manuallyInstrument(CallbackManagerModule) (CommonJS copy), as the package's README prescribes",
    "one INTERNAL span per LangChain run, named after the run (class name or runName), children of the parent run's span; openinference.span.kind from the run type (chain and parser CHAIN, prompt PROMPT, llm LLM, tool TOOL)",
    "input.value / output.value hold the run's inputs / outputs: an object with a single string value is replaced by that string (text/plain), anything else is JSON with LangChain constructor envelopes ({\"lc\":1,\"type\":\"constructor\",\"id\":[...],\"kwargs\":{...}})",
    "chat-model spans: flattened llm.input_messages / llm.output_messages without tool-call ids or tool_call_id (both only in the input.value / output.value envelopes); llm.model_name the request model; llm.tools.N.tool.json_schema; cache-read and reasoning token details; metadata JSON with ls_* keys",
  ],
});

instrumentation.disable();
