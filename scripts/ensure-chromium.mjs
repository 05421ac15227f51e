/**
 * `npm test`'s first step: make sure a Chromium is there for the browser and end-to-end suites,
 * before minutes of building. Uses the one find-chromium.mjs finds (the launcher finds the same);
 * else tries Playwright's download, then apt as root on Debian, quietly; else stops with one line
 * naming the command to run. Never prompts.
 */
import { spawnSync } from 'node:child_process';
import { chromiumPlan, findChromium } from './find-chromium.mjs';
import { machineHost, machineProbe } from './chromium-probe.mjs';

const say = (line) => console.log(`chromium: ${line}`);

/**
 * Runs a step's commands in order, output captured (a failure shows its last line only).
 *
 * @param {import('./find-chromium.d.mts').InstallStep} step
 * @returns {string | undefined} why it failed, or undefined when every command succeeded
 */
function run(step) {
  for (const [command, ...args] of step.commands) {
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
  const failure = run(step);
  const found = failure === undefined ? findChromium(machineProbe()) : undefined;
  if (found) {
    say(`${found.path} (${found.source})`);
    process.exit(0);
  }
  say(`${step.label} did not give one${failure ? ` (${failure})` : ''}.`);
}
console.error(plan.failure);
process.exit(1);
