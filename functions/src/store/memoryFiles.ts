import type { FilePort } from './filePort.js';

/** Stored objects in a Map, for the handlers' unit tests. */
export class MemoryFiles implements FilePort {
  readonly objects = new Map<string, Uint8Array>();

  async head(path: string, bytes: number): Promise<Uint8Array | undefined> {
    return this.objects.get(path)?.slice(0, bytes);
  }

  async remove(path: string): Promise<void> {
    this.objects.delete(path);
  }
}
