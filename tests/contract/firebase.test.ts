import { firebaseHarness } from '../firebase-emulators/firebaseHarness.js';
import { runAgentDayScenarios } from './agentDayScenarios.js';
import { runBadInputScenarios } from './badInputScenarios.js';
import { runLifecycleScenarios } from './lifecycleScenarios.js';
import { runContractScenarios } from './scenarios.js';
import { runSatisfactionScenarios } from './satisfactionScenarios.js';
import { runServiceLevelScenarios } from './serviceLevelScenarios.js';

/**
 * The contract scenarios against the Firebase backend on the Emulator Suite: Auth, Firestore
 * (with firestore.rules) and Functions (the triggers number, assign, audit and lock). Run by
 * tests/firebase-emulators/run.mjs inside `firebase emulators:exec`, or by the tier runner
 * when FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST are set.
 */
runContractScenarios(firebaseHarness);
runLifecycleScenarios(firebaseHarness);
runBadInputScenarios(firebaseHarness);
runServiceLevelScenarios(firebaseHarness);
runSatisfactionScenarios(firebaseHarness);
runAgentDayScenarios(firebaseHarness);
