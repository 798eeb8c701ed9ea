// The Auth, Firestore and Functions emulators as this machine runs them: firebase-tools'
// `emulators:exec` with the Cloud SDK's Firestore emulator (through our launcher jar) and a
// Java 21 or newer. Shared by the bench (tests/bench/firebaseSide.mjs) and the browser tier's
// Firebase half (tests/browser/run.mjs).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildLauncher, findEmulatorJar, findJarTool, findJavas } from './firestoreEmulator.mjs';

export const PROJECT_ID = 'demo-support-desk';

/**
 * What the emulators need here, with the launcher built into `workDir`: `{ java, launcher }`,
 * or `{ skipped }`, the one line saying why they cannot run.
 */
export function emulatorSuiteSetup(workDir) {
  const jar = findEmulatorJar();
  const javas = findJavas();
  const java = javas.find((candidate) => candidate.major >= 21);
  const jarTool = findJarTool(javas);
  if (!jar) return { skipped: "no Firestore emulator jar (the Google Cloud SDK's platform/cloud-firestore-emulator)" };
  if (!java) return { skipped: `firebase-tools' emulators need Java 21 or newer (found ${javas.map((j) => j.major).join(', ') || 'none'})` };
  if (!jarTool) return { skipped: 'no `jar` tool (a JDK) to build the Firestore emulator launcher' };
  return { java, launcher: buildLauncher(workDir, jar, jarTool) };
}

const portInUse = (host, port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, host, () => server.close(() => resolve(false)));
  });

/** The first emulator of firebase.json (of `names`) whose port another process holds, as `{ name, port }`. */
export async function takenEmulatorPort(names = ['auth', 'firestore', 'functions', 'hub']) {
  const emulators = JSON.parse(readFileSync('firebase.json', 'utf8')).emulators;
  for (const name of names) {
    if (await portInUse(emulators[name].host, emulators[name].port)) return { name, port: emulators[name].port };
  }
  return undefined;
}

/** firebase-tools' own lines ("i  functions: ...", "⚠  ...", the functions' logs after ">  "). */
const emulatorLine = /^(i|⚠|✔|!|>|⬢) {1,2}\S|^\t/;

/**
 * Runs `script` (a shell command line) inside `firebase emulators:exec --only <only>`; resolves
 * with the script's exit code. Output goes to `stdio`; with `emulatorLog` (a file), the
 * emulators' own lines go there and only the script's lines (and all of stderr) reach `print`,
 * the console unless given. The emulators and the script are one process group, stopped if
 * this process exits first. The script also writes its status to a file: firebase-tools
 * reports 0 for a script killed by a signal, which must not pass.
 */
export function emulatorsExec({ setup, only, script, statusFile, env = {}, config, stdio = 'inherit', emulatorLog, print = console.log }) {
  const fullEnv = {
    ...process.env,
    // firebase-tools phones home at start (MOTD, update check); CI / NO_UPDATE_NOTIFIER skip both.
    CI: 'true',
    NO_UPDATE_NOTIFIER: '1',
    METADATA_SERVER_DETECTION: 'none',
    PATH: `${path.dirname(setup.java.bin)}${path.delimiter}${process.env.PATH ?? ''}`,
    JAVA_HOME: path.resolve(path.dirname(setup.java.bin), '..'),
    FIRESTORE_EMULATOR_BINARY_PATH: setup.launcher,
    ...env,
  };
  // Hosts of an outer emulators:exec must not leak in: this run sets its own.
  for (const name of ['FIRESTORE_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST', 'FIREBASE_STORAGE_EMULATOR_HOST']) delete fullEnv[name];
  const quoted = `"${statusFile.replace(/(["\\$`])/g, '\\$1')}"`;
  const args = [
    'node_modules/firebase-tools/lib/bin/firebase.js',
    'emulators:exec',
    ...(config ? ['--config', config] : []),
    '--only',
    only,
    '--project',
    PROJECT_ID,
    `${script}; status=$?; echo $status > ${quoted}; exit $status`,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: fullEnv, stdio: emulatorLog ? ['ignore', 'pipe', 'pipe'] : stdio, detached: true });
    const drained = [];
    if (emulatorLog) {
      const log = createWriteStream(emulatorLog);
      const out = createInterface({ input: child.stdout }).on('line', (line) => {
        log.write(`${line}\n`);
        if (!emulatorLine.test(line)) print(line);
      });
      const err = createInterface({ input: child.stderr }).on('line', print);
      drained.push(...[out, err].map((lines) => new Promise((done) => lines.once('close', done))));
    }
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    process.once('exit', stop);
    child.once('exit', (code) => {
      process.off('exit', stop);
      const status = existsSync(statusFile) ? readFileSync(statusFile, 'utf8').trim() : undefined;
      const result = code === 0 && status !== '0' ? 1 : (code ?? 1);
      // The last lines may still be in the pipes; a process left holding one must not hold the run.
      const cap = new Promise((done) => setTimeout(done, 5_000).unref());
      void Promise.race([Promise.all(drained), cap]).then(() => resolve(result));
    });
  });
}
