/**
 * A @web/test-runner plugin that puts the fault-injecting proxy (`test/helpers/fault-proxy.ts`) in
 * front of the real sandbox, on demand, for tests that need the API origin to misbehave: a frame
 * route that never answers (`frame_load_timeout`), or a real page served from the API origin (a
 * frame that speaks another protocol version, a page that posts arbitrary messages).
 *
 * Server command `xpay-fault-proxy` with payload `{ rules: [{ path, pattern?, method?, faults }],
 * preserveHost? }` (`preserveHost`: the sandbox sees the proxy as its own origin, so the card frame
 * served through it can confirm; see fault-proxy.ts)
 * starts a fresh proxy (its own origin, `http://127.0.0.1:<port>`) with those rules and answers
 * `{ url }`. `path` is an exact path, or a RegExp source when `pattern` is true. A fault
 * `{ type: 'page', file, times? }` answers 200 with `test/harness/pages/<file>` as HTML (`times`
 * copies, default 20, since each fault serves one request). A fault `{ type: 'setJson', at, value,
 * times? }` forwards and sets the JSON reply's field at the path `at` (an array of keys) to `value`
 * when the field's parent exists (a tampered reply; `times` copies, default 20). Every proxy closes
 * when the runner stops.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { sandboxBaseUrl } from './sandbox-plugin.mjs';

const PAGES = new URL('./pages/', import.meta.url);

/** A `rewriteJson` that sets `at` to `value` when the parent object exists, else leaves the reply alone. */
function setJson(at, value) {
  return (json) => {
    let parent = json;
    for (const key of at.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? parent[key] : undefined;
    if (parent !== null && typeof parent === 'object') parent[at.at(-1)] = value;
    return json;
  };
}

/** Expands `{ type: 'page' }` and `{ type: 'setJson' }` faults into the proxy's own faults. */
function expandFaults(faults) {
  return faults.flatMap((fault) => {
    if (fault.type === 'setJson') {
      return Array.from({ length: fault.times ?? 20 }, () => ({ type: 'rewriteJson', rewrite: setJson(fault.at, fault.value) }));
    }
    if (fault.type !== 'page') return [fault];
    // basename(): a test names a page in pages/, never a path elsewhere on disk.
    const html = readFileSync(join(PAGES.pathname, basename(fault.file)), 'utf8');
    const respond = { type: 'respond', status: 200, body: html, headers: { 'Content-Type': 'text/html; charset=utf-8' } };
    return Array.from({ length: fault.times ?? 20 }, () => respond);
  });
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function faultProxyPlugin() {
  const proxies = [];
  let startFaultProxy;
  return {
    name: 'xpay-fault-proxy',
    async executeCommand({ command, payload }) {
      if (command !== 'xpay-fault-proxy') return undefined;
      startFaultProxy ??= (await tsImport('../helpers/fault-proxy.ts', import.meta.url)).startFaultProxy;
      const proxy = await startFaultProxy(sandboxBaseUrl(), { preserveHost: payload?.preserveHost === true });
      proxies.push(proxy);
      for (const rule of payload?.rules ?? []) {
        const path = rule.pattern ? new RegExp(rule.path) : rule.path;
        proxy.inject({ path, ...(rule.method && { method: rule.method }) }, ...expandFaults(rule.faults));
      }
      return { url: proxy.url };
    },
    async serverStop() {
      await Promise.all(proxies.map((p) => p.close()));
    },
  };
}
