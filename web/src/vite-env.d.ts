/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `firebase` for the Firebase backend; anything else (or unset) runs the local backend. */
  readonly VITE_BACKEND?: string;
  readonly VITE_USE_EMULATORS?: string;
  /** `npm run bench` only: exposes the backend on window.__supportDesk. */
  readonly VITE_EXPOSE_BACKEND?: string;
  /** Bench builds only: the rate-limit cap both windows take (see createBackend). */
  readonly VITE_BENCH_RATE_LIMIT?: string;
  readonly VITE_FIREBASE_API_KEY?: string;
  readonly VITE_FIREBASE_AUTH_DOMAIN?: string;
  readonly VITE_FIREBASE_PROJECT_ID?: string;
  readonly VITE_FIREBASE_STORAGE_BUCKET?: string;
  readonly VITE_FIREBASE_APP_ID?: string;
}
