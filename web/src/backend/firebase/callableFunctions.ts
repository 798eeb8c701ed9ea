import type { FirebaseApp } from 'firebase/app';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import type { EmulatorHosts } from './firebaseApp';

/** The callable functions the app asks (triage, sign-out everywhere); the Functions SDK behind it loads on first use. */
export interface CallableFunctions {
  /** The SDK's own handle (tests call functions through it directly). */
  readonly functions: Functions;
  /** Calls a callable function and gives its answer's data; rejects with the SDK's error. */
  call<I, O>(name: string, data: I, options?: { readonly timeout?: number }): Promise<O>;
}

export function openCallableFunctions(app: FirebaseApp, emulators: EmulatorHosts | undefined): CallableFunctions {
  const functions = getFunctions(app);
  // The connect must happen before the first use of the service.
  if (emulators) connectFunctionsEmulator(functions, emulators.host, emulators.functionsPort);
  return {
    functions,
    call: async <I, O>(name: string, data: I, options?: { readonly timeout?: number }) =>
      (await httpsCallable<I, O>(functions, name, options)(data)).data,
  };
}
