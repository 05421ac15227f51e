/**
 * `npm test`'s first step: make sure a Chromium is there for the browser and end-to-end suites,
 * before minutes of building. Uses the one find-chromium.mjs finds (the launcher finds the same);
 * else tries Playwright's download, then apt as root on Debian, quietly; else stops with one line
 * naming the command to run. Never prompts.
 */
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { chromiumPlan, downloadHost, findChromium } from './find-chromium.mjs';
import { machineHost, machineProbe } from './chromium-probe.mjs';

const say = (line) => console.log(`chromium: ${line}`);

/**
 * Runs a step's commands in order, output captured (a failure shows its last line only).
 *
 * @param {import('./find-chromium.d.mts').InstallStep} step
 * @returns {string | undefined} why it failed, or undefined when every command succeeded
 */
function run(step) {
  for (const argv of step.commands) {
    const [command, ...args] = localCli(argv);
    const result = spawnSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32', // npx is npx.cmd there
      // A network that swallows packets fails Playwright's download in seconds, not minutes.
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: '15000' },
    });
    if (result.status !== 0) {
      const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.trim().split('\n');
      const reason = output.find((line) => /error/i.test(line)) ?? output.at(-1) ?? result.error?.message ?? 'failed';
      return reason.trim().slice(0, 200);
    }
  }
  return undefined;
}

/**
 * `npx playwright …` as the project's own Playwright CLI run by this Node: npx's start-up costs
 * seconds (more for a user without npm config), and the failure line must come within seconds.
 *
 * @param {string[]} argv
 */
function localCli(argv) {
  if (argv[0] !== 'npx' || argv[1] !== 'playwright') return argv;
  const cli = join(dirname(createRequire(import.meta.url).resolve('playwright/package.json')), 'cli.js');
  return [process.execPath, cli, ...argv.slice(2)];
}

/**
 * Why Playwright's download cannot work here (its host does not resolve or accept a connection
 * within seconds), or undefined when it may: an offline or firewalled machine then moves on at once
 * instead of sitting through the download's retries.
 *
 * @returns {Promise<string | undefined>}
 */
async function downloadBlocked() {
  const [command, ...args] = localCli(['npx', 'playwright', 'install', '--dry-run', 'chromium']);
  const host = downloadHost(spawnSync(command, args, { encoding: 'utf8', shell: process.platform === 'win32' }).stdout ?? '');
  if (!host) return 'Playwright named no download URL';
  const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms).unref());
  /** @type {import('node:net').Socket | undefined} */
  let socket;
  try {
    const { address } = await Promise.race([lookup(host), deadline(5000)]);
    await Promise.race([
      new Promise((resolve, reject) => {
        socket = connect(443, address, resolve).once('error', reject);
      }),
      deadline(5000),
    ]);
    return undefined;
  } catch (error) {
    return `cannot reach ${host}: ${error.code ?? error.message}`;
  } finally {
    socket?.destroy();
  }
}

const plan = chromiumPlan(machineProbe(), machineHost());
if (plan.action === 'use') {
  say(`${plan.found.path} (${plan.found.source})`);
  process.exit(0);
}
if (plan.action === 'fail') {
  console.error(plan.message);
  process.exit(1);
}
for (const step of plan.steps) {
  say(`none found; trying ${step.label}…`);
  const failure = (step.downloads && (await downloadBlocked())) || run(step);
  const found = failure === undefined ? findChromium(machineProbe()) : undefined;
  if (found) {
    say(`${found.path} (${found.source})`);
    process.exit(0);
  }
  say(`${step.label} did not give one${failure ? ` (${failure})` : ''}.`);
}
console.error(plan.failure);
process.exit(1);
