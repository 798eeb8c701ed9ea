import { runAgentDayScenarios } from './agentDayScenarios.js';
import { runBadInputScenarios } from './badInputScenarios.js';
import { runLifecycleScenarios } from './lifecycleScenarios.js';
import { localHarness } from './localHarness.js';
import { runContractScenarios } from './scenarios.js';

runContractScenarios(localHarness);
runLifecycleScenarios(localHarness);
runBadInputScenarios(localHarness);
runAgentDayScenarios(localHarness);
