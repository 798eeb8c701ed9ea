import { createFirebaseAuth, type FirebaseServices, type FirebaseServicesOptions } from './firebaseApp';
import { createFirebaseDataServices } from './firebaseDataServices';

/** Every service at once, for Node (tests, scripts), where nothing is loaded lazily. */
export function createFirebaseServices(options: FirebaseServicesOptions): FirebaseServices {
  const core = createFirebaseAuth(options);
  return { ...core, ...createFirebaseDataServices(core.app, options) };
}
