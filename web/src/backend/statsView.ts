import type { AgentAllDoc, AgentMonthDoc, DeskMonthDoc, StatsView, SummaryDoc } from '@domain';

type Parts = { desk?: DeskMonthDoc[]; agents?: (AgentMonthDoc | AgentAllDoc)[]; summary?: SummaryDoc | null };

/**
 * The reports' stats arrive as three live reads (the desk's months, the agents' rows, the
 * summary); both adapters hand the page one view, once each part has arrived and then on
 * every change of any of them.
 */
export function statsViewAssembler(onData: (view: StatsView) => void) {
  const parts: Parts = {};
  const emit = () => {
    if (parts.desk && parts.agents && parts.summary !== undefined) {
      onData({ desk: parts.desk, agents: parts.agents, summary: parts.summary });
    }
  };
  return {
    desk: (desk: DeskMonthDoc[]) => ((parts.desk = desk), emit()),
    agents: (agents: (AgentMonthDoc | AgentAllDoc)[]) => ((parts.agents = agents), emit()),
    summary: (summary: SummaryDoc | null) => ((parts.summary = summary), emit()),
  };
}
