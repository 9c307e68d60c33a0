/**
 * Servers a test starts beside the stack (tests/stack/stack.sh starts the stack's own): free ports
 * on 127.0.0.1, a process started with its output in a log file and awaited until a URL answers,
 * and stopped again by SIGTERM (SIGKILL if it has not exited 10 s later, or when the test process
 * exits first).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { waitFor } from './stack';

/** A port on 127.0.0.1 that nothing listened on a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned'))
      );
    });
  });
}

export interface StartOptions {
  /** names the process in messages */
  name: string;
  bin: string;
  args: string[];
  /** added to this process' environment */
  env: Record<string, string>;
  /** stdout and stderr go here */
  logFile: string;
  /** answers 2xx once the process is ready */
  readyUrl: string;
}

export interface Started {
  name: string;
  child: ChildProcess;
  logFile: string;
}

const tail = (file: string, lines = 20) => readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())
  );

/** Starts a process and resolves once `readyUrl` answers; fails if it cannot start or exits first (quoting its log). */
export async function startProcess(o: StartOptions): Promise<Started> {
  const log = openSync(o.logFile, 'a');
  const child = spawn(o.bin, o.args, { env: { ...process.env, ...o.env }, stdio: ['ignore', log, log] });
  closeSync(log);
  // Not left running if the test process ends without stopping it (a crash, an interrupt).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const started = { name: o.name, child, logFile: o.logFile };
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`${o.name} could not be started (${o.bin}): ${e.message}`)));
    child.once('exit', () =>
      reject(new Error(`${o.name} exited during startup; the end of its log (${o.logFile}):\n${tail(o.logFile)}`))
    );
  });
  try {
    await Promise.race([
      failed,
      waitFor(
        `${o.name} to answer at ${o.readyUrl}`,
        async () => ((await fetch(o.readyUrl)).ok ? true : undefined),
        60_000,
        200
      ),
    ]);
  } catch (e) {
    await stopProcess(started);
    throw e;
  }
  return started;
}

/** SIGTERM, then SIGKILL if the process is still running 10 s later; resolves once it has exited. */
export async function stopProcess({ child }: Started): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const gone = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}
