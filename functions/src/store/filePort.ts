/**
 * The little of Cloud Storage the handlers need, as a port: the first bytes of a stored
 * object, and removing it. Cloud Storage (firebase-admin) implements it for the deployed
 * functions, a Map for the unit tests.
 */
export interface FilePort {
  /** The first `bytes` bytes of the object, or undefined when there is none. */
  head(path: string, bytes: number): Promise<Uint8Array | undefined>;
  /** Removes the object; removing one that is gone already is not an error. */
  remove(path: string): Promise<void>;
}
