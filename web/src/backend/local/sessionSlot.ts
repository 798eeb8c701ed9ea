/**
 * Where a tab keeps who is signed in. Per tab (sessionStorage) so that a customer and an
 * agent can work side by side in two tabs of one browser; it survives a reload.
 */
export interface SessionSlot {
  read(): string | null;
  write(uid: string | null): void;
}

export function tabSessionSlot(key = 'support-desk.session'): SessionSlot {
  return {
    read: () => sessionStorage.getItem(key),
    write: (uid) => (uid === null ? sessionStorage.removeItem(key) : sessionStorage.setItem(key, uid)),
  };
}

export function memorySessionSlot(): SessionSlot {
  let uid: string | null = null;
  return { read: () => uid, write: (next) => void (uid = next) };
}

/** A slot shared by every tab of the browser (localStorage), for a hint that outlives the tab. */
export function browserSessionSlot(key: string): SessionSlot {
  return {
    read: () => localStorage.getItem(key),
    write: (uid) => (uid === null ? localStorage.removeItem(key) : localStorage.setItem(key, uid)),
  };
}
