/**
 * Deterministic batches of the agent-workflow topology (agent-topology.ts): the seed fixes every
 * run's plan (agent, app, user, chat and session ids), ids and durations; `nowUs` only places the
 * batch in time (runs end before it).
 */
import { BatchBasics, drawBatch, DrawnBatch } from './model';
import { AgentPlan, buildAgentRun } from './agent-topology';
import { agentRunTruth, AgentRunTruth } from './agent-truth';

/** Longest run the topology draws, µs (4 model calls of 1.5 s, 3 rounds of tools, the rest). */
const LONGEST_RUN_US = 8_000_000;

export function generateAgentBatch(options: BatchBasics): DrawnBatch<AgentRunTruth> {
  return drawBatch(options, LONGEST_RUN_US, (rng, startUs) => {
    const plan: AgentPlan = {
      agentName: rng.pick(['support-agent', 'research-agent']),
      appId: `app-${rng.int(1, 3)}`,
      uid: `u-${rng.hex(3)}`,
      chatId: `chat-${rng.hex(4)}`,
      sid: `s-${rng.hex(4)}`,
    };
    const run = buildAgentRun(rng, plan, startUs);
    return { traces: [run.trace], truth: agentRunTruth(run, plan) };
  });
}
