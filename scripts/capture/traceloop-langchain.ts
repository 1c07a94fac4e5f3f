/**
 * OpenLLMetry spans for LangChain.js (`@traceloop/instrumentation-langchain`) around
 * `@langchain/openai`'s ChatOpenAI.
 *
 * The instrumentation patches `CallbackManager._configureSync` from its constructor (both the
 * CommonJS copy, synchronously, and the ESM copy, asynchronously); the scenarios use the CommonJS
 * copy (see langchain.ts). The script checks that the patch is in place rather than trusting it.
 */
import { LangChainInstrumentation } from "@traceloop/instrumentation-langchain";

import { packageVersion, runCapture, setupTelemetry } from "./harness.js";
import { langchainScenarios, requireCallbackManagerModule } from "./langchain.js";

const telemetry = setupTelemetry("fixture-traceloop-langchain");

const instrumentation = new LangChainInstrumentation({ traceContent: true });
instrumentation.setTracerProvider(telemetry.tracerProvider);
const { CallbackManager } = requireCallbackManagerModule();
if ((CallbackManager as unknown as { _traceloopPatched?: boolean })._traceloopPatched !== true) {
  throw new Error("@traceloop/instrumentation-langchain did not patch the CommonJS CallbackManager");
}

await runCapture({
  telemetry,
  convention: "openllmetry",
  instrumentation: "traceloop-langchain",
  instrumentationPackages: [packageVersion("@traceloop/instrumentation-langchain"), packageVersion("@langchain/core")],
  sdkPackage: packageVersion("@langchain/openai"),
  scenarios: langchainScenarios({
    chain: ["the prompt and parser spans are named after LangChain's run type (prompt, parser), not the class"],
    "tool-call": [
      "the lambda's runName (weather_step) is not used: its span is workflow RunnableLambda",
      "the chat spans record no tool calls: the assistant turn is an empty text part, the tool message carries no tool_call_id; the ids exist only in the tool span's output",
      "tool span input {\"args\":[\"<arguments JSON text>\"]}, output the ToolMessage envelope",
    ],
  }),
  notes: [
    "the constructor patches CallbackManager._configureSync itself (no require hook); no manuallyInstrument call needed",
    "every span is started without the parent run's context, so each LangChain run is the root of a trace of its own",
    "chain runs: INTERNAL 'workflow <name>' spans with traceloop.span.kind workflow, traceloop.workflow.name, gen_ai.operation.name workflow, gen_ai.provider.name langchain; <name> is LangChain's run type when there is one, else the class: 0.27 reads the runType argument of LangChain 1.x's handleChainStart as the run name",
    "traceloop.entity.input / output: the JSON of the run's inputs / outputs as LangChain passes them ({\"input\": x} / {\"output\": x} around values that are not objects; LangChain constructor envelopes for messages and prompt values)",
    "tool runs: INTERNAL 'execute_tool <class>' spans with traceloop.span.kind task and traceloop.entity.name = the tool's class (DynamicStructuredTool), not its name",
    "chat-model runs: CLIENT 'chat <request model>' spans with GenAI-style gen_ai.input.messages / gen_ai.output.messages (text parts only), gen_ai.response.model = the request model, finish reasons in GenAI spelling (tool_call), input/output/total tokens; no response id",
  ],
});

instrumentation.disable();
