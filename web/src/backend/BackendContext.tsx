import { createContext, useContext, type ReactNode } from 'react';
import type { SupportBackend } from './port';

const BackendContext = createContext<SupportBackend | null>(null);

export function BackendProvider({ backend, children }: { backend: SupportBackend; children: ReactNode }) {
  return <BackendContext.Provider value={backend}>{children}</BackendContext.Provider>;
}

/** The one SupportBackend the app talks to; components never import an adapter. */
export function useBackend(): SupportBackend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error('useBackend needs a BackendProvider above it.');
  return backend;
}
