// The plain Firestore SDK in the browser, for the bench: the same transport (WebChannel), the
// same persistent multi-tab cache and the same two writes per message as the app, and nothing
// else. It offers the app's bench surface (window.__supportDesk.sendMessage and the chat list
// `[aria-label="Messages"] li p`), so chatLatency.mjs measures both the same way; the
// difference between the two figures is the app's own overhead.
import { initializeApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import {
  collection,
  connectFirestoreEmulator,
  doc,
  increment,
  initializeFirestore,
  limitToLast,
  onSnapshot,
  orderBy,
  persistentLocalCache,
  persistentMultipleTabManager,
  query,
  serverTimestamp,
  writeBatch,
} from 'firebase/firestore';

const params = new URLSearchParams(location.search);
const app = initializeApp({ apiKey: 'fake-api-key-for-the-emulators', projectId: params.get('project') });
const auth = getAuth(app);
connectAuthEmulator(auth, `http://127.0.0.1:${params.get('authPort')}`, { disableWarnings: true });
const db = initializeFirestore(app, { localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }) });
connectFirestoreEmulator(db, '127.0.0.1', Number(params.get('firestorePort')));

const list = document.querySelector('ul');
const messages = (ticketId) => collection(db, 'tickets', ticketId, 'messages');

window.__plainSdk = {
  /** Signs in, then shows the ticket's newest 50 messages live; resolves on the first snapshot. */
  async open({ email, password, ticketId, role, displayName }) {
    const { user } = await signInWithEmailAndPassword(auth, email, password);
    window.__supportDesk = {
      sendMessage(ticket, { text }) {
        const message = doc(messages(ticket));
        const batch = writeBatch(db);
        batch.set(message, { authorUid: user.uid, authorRole: role, authorName: displayName, text, kind: 'user', createdAt: serverTimestamp() });
        batch.update(doc(db, 'users', user.uid, 'limits', 'messages'), { count: increment(1), lastPath: message.path });
        void batch.commit();
      },
    };
    await new Promise((resolve, reject) => {
      onSnapshot(
        query(messages(ticketId), orderBy('createdAt'), limitToLast(50)),
        (snapshot) => {
          list.replaceChildren(
            ...snapshot.docs.map((message) => {
              const item = document.createElement('li');
              const text = document.createElement('p');
              text.textContent = message.data().text;
              item.append(text);
              return item;
            }),
          );
          resolve();
        },
        reject,
      );
    });
  },
};
