// Finding the Cloud SDK's Firestore emulator, a Java to run it and a launcher jar for it:
// shared by the emulator test tier (tests/firebase-emulators/run.mjs) and the bench.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';


/** The Cloud SDK's Firestore emulator jar, or undefined. */
export function findEmulatorJar() {
  const relative = path.join('platform', 'cloud-firestore-emulator', 'cloud-firestore-emulator.jar');
  const roots = [
    process.env.CLOUDSDK_ROOT_DIR,
    '/usr/lib/google-cloud-sdk',
    '/usr/share/google-cloud-sdk',
    '/opt/google-cloud-sdk',
    path.join(homedir(), 'google-cloud-sdk'),
  ];
  const gcloud = onPath('gcloud');
  if (gcloud) roots.push(path.resolve(path.dirname(realpathSync(gcloud)), '..'));
  const candidates = [process.env.FIRESTORE_EMULATOR_JAR, ...roots.filter(Boolean).map((root) => path.join(root, relative))];
  return candidates.find((file) => file && existsSync(file));
}

/** The main class, as the SDK's own launcher script names it (the jar's manifest has none). */
function mainClassOf(emulatorJar) {
  const script = path.join(path.dirname(emulatorJar), 'cloud_firestore_emulator');
  const fallback = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
  if (!existsSync(script)) return fallback;
  const match = /-cp\s+"\$\{FIRESTORE_JAR\}"\s+([\w.$]+)/.exec(readFileSync(script, 'utf8'));
  return match?.[1] ?? fallback;
}

export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The major version a `java -version` reports ("17.0.15" -> 17, "1.8.0_412" -> 8). */
function javaMajor(javaBin) {
  const result = spawnSync(javaBin, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  const match = /version "([^"]+)"/.exec(`${result.stderr ?? ''}${result.stdout ?? ''}`);
  if (!match) return undefined;
  const [first, second] = match[1].split(/[.+-]/);
  const major = first === '1' ? Number(second) : Number(first);
  return Number.isFinite(major) ? major : undefined;
}

/** Every Java installed (JVM dirs, JAVA_HOME, PATH), newest first, each once. */
export function findJavas() {
  const candidates = [];
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, 'bin', 'java'));
  if (existsSync('/usr/lib/jvm')) {
    for (const entry of readdirSync('/usr/lib/jvm')) candidates.push(path.join('/usr/lib/jvm', entry, 'bin', 'java'));
  }
  const fromPath = onPath('java');
  if (fromPath) candidates.push(fromPath);
  const seen = new Set();
  const javas = [];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (seen.has(real)) continue;
    seen.add(real);
    const major = javaMajor(real);
    if (major !== undefined) javas.push({ bin: real, major });
  }
  return javas.sort((a, b) => b.major - a.major);
}

/** A `jar` tool from any installed JDK (a JRE has none). */
export function findJarTool(javas) {
  for (const { bin } of javas) {
    const jar = path.join(path.dirname(bin), 'jar');
    if (existsSync(jar)) return jar;
  }
  return onPath('jar');
}

/**
 * A launcher jar in a fresh temp dir: a manifest whose Main-Class starts the emulator and
 * whose Class-Path points at the SDK's jar (through a link beside it, so odd characters in
 * the SDK's path cannot break the manifest).
 */
export function buildLauncher(workDir, emulatorJar, jarTool) {
  symlinkSync(emulatorJar, path.join(workDir, 'cloud-firestore-emulator.jar'));
  const manifest = path.join(workDir, 'manifest.txt');
  writeFileSync(manifest, `Main-Class: ${mainClassOf(emulatorJar)}\nClass-Path: cloud-firestore-emulator.jar\n`);
  const empty = path.join(workDir, 'empty');
  mkdirSync(empty);
  const launcher = path.join(workDir, 'firestore-emulator-launcher.jar');
  const result = spawnSync(jarTool, ['--create', '--file', launcher, '--manifest', manifest, '-C', empty, '.'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0 || !existsSync(launcher)) {
    throw new Error(`building the launcher jar with ${jarTool} failed: ${result.stderr || result.error?.message}`);
  }
  return launcher;
}

