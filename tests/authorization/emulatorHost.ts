/** An emulator's host and port from the variable firebase-tools sets (e.g. 127.0.0.1:8080). */
export function emulatorHostAndPort(envVar: string): { host: string; port: number } {
  const value = process.env[envVar];
  if (!value) throw new Error(`${envVar} is not set: start the emulator and export its host:port.`);
  const url = new URL(`http://${value}`);
  return { host: url.hostname, port: Number(url.port) };
}
