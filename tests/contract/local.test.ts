import { runAgentDayScenarios } from './agentDayScenarios.js';
import { runBadInputScenarios } from './badInputScenarios.js';
import { runLifecycleScenarios } from './lifecycleScenarios.js';
import { localHarness } from './localHarness.js';
import { runContractScenarios } from './scenarios.js';
import { runSatisfactionScenarios } from './satisfactionScenarios.js';
import { runServiceLevelScenarios } from './serviceLevelScenarios.js';

runContractScenarios(localHarness);
runLifecycleScenarios(localHarness);
runBadInputScenarios(localHarness);
runServiceLevelScenarios(localHarness);
runSatisfactionScenarios(localHarness);
runAgentDayScenarios(localHarness);
