import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ADMIN_EMAIL = 'admin@example.test';
export const ADMIN_PASSWORD = 'Granite-Lantern-Orchid-42';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = path.join(rootDir, 'dist/server/main.js');

export interface RunningServer {
  baseUrl: string;
  /** The server's data directory, holding its SQLite file (hms.sqlite). */
  dataDir: string;
  /** What the server printed so far (the last 20 000 characters). */
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not become healthy within 30 s:\n${output()}`);
}

/** Starts the built server on a free port with a fresh data directory, (unless told otherwise) a first administrator, and extra `env`. */
export async function startServer(options: { firstAdmin?: boolean; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const env = options.env ?? {};
  if (!existsSync(serverEntry)) throw new Error('dist/server/main.js is missing: run `npm run build` first');
  if (!existsSync(path.join(rootDir, 'dist/web/index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hms-e2e-'));
  const child = spawn(process.execPath, [serverEntry], {
    cwd: rootDir,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      PORT: String(port),
      HOST: '127.0.0.1',
      HMS_DATA_DIR: dataDir,
      ...(options.firstAdmin === false ? {} : { HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD }),
      HMS_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output: () => log, stop };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, except failed resource loads (such as the 401 of a signed-out session check). */
  problems: string[];
}

export async function openPage(browser: Browser, baseUrl: string, width = 1280): Promise<TestPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

let counter = 0;

export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.test`;
}

/**
 * Starts a server and a browser before a file's tests and stops both after: the set-up most suites share.
 * Read `server` and `browser` from the returned object inside the tests.
 */
export function useServerAndBrowser(options: Parameters<typeof startServer>[0] = {}): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} is not started yet: use it inside a test`);
    return value;
  };
  return {
    get server() { return ready(server, 'server'); },
    get browser() { return ready(browser, 'browser'); },
  };
}
