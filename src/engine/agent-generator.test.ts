/*
 * The agent-workflow generator's batch read through the engine's OTLP reader (as the live tests
 * read what the generator sent): every run's split equals the generator's ground truth exactly.
 */
import { generateAgentBatch } from '../../tests/generator/agent-batch';
import { agentSplits } from './agent';
import { spanIdOf } from './analyze';
import { spanAttributes, spanLinks } from './span-accessors';
import { analysedGenTrace, spanIndexOf } from './testing/genai-spans';

const US = 1000;
const batch = generateAgentBatch({ seed: 21, count: 60, nowUs: 1_700_000_000_000_000 });
const analyses = batch.traces.map(analysedGenTrace);

describe('agent-workflow batch through the engine', () => {
  it('has runs with retrieval, with parallel tool calls and with a tool call fully covered by another', () => {
    expect(batch.truth.filter((t) => t.retrievalUs > 0).length).toBeGreaterThan(10);
    const calls = batch.traces.map((t) =>
      t.spans.filter((s) => s.attributes['gen_ai.operation.name'] === 'execute_tool')
    );
    const overlapping = calls.filter((c) =>
      c.some((a, k) => c.some((b, j) => j !== k && a.startUs < b.endUs && b.startUs < a.endUs))
    );
    expect(overlapping.length).toBeGreaterThan(5);
    expect(batch.truth.some((t) => Object.values(t.toolUs).includes(0))).toBe(true);
  });

  it('splits each run into model, retrieval, tools and own time as the truth says', () => {
    batch.truth.forEach((truth, k) => {
      const analysis = analyses[k];
      const [split, ...others] = agentSplits(analysis);
      expect(others).toEqual([]);
      expect(spanIdOf(analysis.trace, split.span)).toBe(truth.rootSpanId);
      expect({
        agentName: split.agentName,
        duration: split.duration,
        model: split.model,
        retrieval: split.retrieval,
        tools: Object.fromEntries(split.tools.map((t) => [t.tool, t.time])),
        own: split.own,
      }).toEqual({
        agentName: truth.agentName,
        duration: truth.durationUs * US,
        model: truth.modelUs * US,
        retrieval: truth.retrievalUs * US,
        tools: Object.fromEntries(Object.entries(truth.toolUs).map(([tool, us]) => [tool, us * US])),
        own: truth.ownUs * US,
      });
    });
  });

  it('carries app_id, uid, chat_id and sid on the run, and links each tool call to the chat that asked for it', () => {
    batch.truth.forEach((truth, k) => {
      const { trace } = analyses[k];
      const [split] = agentSplits(analyses[k]);
      expect(spanAttributes(trace, split.span)).toEqual(
        expect.arrayContaining([
          ['app_id', truth.appId],
          ['uid', truth.uid],
          ['chat_id', truth.chatId],
          ['sid', truth.sid],
        ])
      );
      for (let i = 0; i < trace.spanCount; i++) {
        const isTool = spanAttributes(trace, i).some(
          ([key, v]) => key === 'gen_ai.operation.name' && v === 'execute_tool'
        );
        if (isTool) {
          const [link] = spanLinks(trace, i);
          const target = spanIndexOf(analyses[k], link.spanId);
          expect([link.traceId, trace.strings[trace.name[target]]]).toEqual([truth.traceId, 'chat gpt-4o-mini']);
        }
      }
    });
  });
});
