/**
 * A @web/test-runner plugin that puts the fault-injecting proxy (`test/helpers/fault-proxy.ts`) in
 * front of the real sandbox, on demand, for tests that need the API origin to misbehave: a frame
 * route that never answers (`frame_load_timeout`), or a real page served from the API origin (a
 * frame that speaks another protocol version, a page that posts arbitrary messages).
 *
 * Server command `xpay-fault-proxy` with payload `{ rules: [{ path, pattern?, method?, faults }] }`
 * starts a fresh proxy (its own origin, `http://127.0.0.1:<port>`) with those rules and answers
 * `{ url }`. `path` is an exact path, or a RegExp source when `pattern` is true. A fault
 * `{ type: 'page', file, times? }` answers 200 with `test/harness/pages/<file>` as HTML (`times`
 * copies, default 20, since each fault serves one request). A fault `{ type: 'patchJson', set?, unset? }`
 * forwards, then sets or deletes dotted paths of the JSON reply (a reply without `status`, a status
 * from a newer API). `preserveHost: true` makes the sandbox believe it is served at the proxy's origin
 * (for tests that pay through the proxy: the card frame's confirm must come from the API's own
 * origin). Every proxy closes when the runner stops.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { sandboxBaseUrl } from './sandbox-plugin.mjs';

const PAGES = new URL('./pages/', import.meta.url);

/**
 * A JSON rewrite that a browser test can describe in data (functions do not cross the command
 * channel): `set` maps dotted paths to values, `unset` lists dotted paths to delete.
 */
function patchJson({ set = {}, unset = [] }) {
  const walk = (json, path) => {
    const keys = path.split('.');
    const last = keys.pop();
    let node = json;
    for (const key of keys) node = node?.[key];
    return node && typeof node === 'object' ? [node, last] : [null, last];
  };
  return (json) => {
    for (const [path, value] of Object.entries(set)) {
      const [node, key] = walk(json, path);
      if (node) node[key] = value;
    }
    for (const path of unset) {
      const [node, key] = walk(json, path);
      if (node) delete node[key];
    }
    return json;
  };
}

/** Expands `{ type: 'page' }` faults into the proxy's `respond` faults, `{ type: 'patchJson' }` into `rewriteJson`. */
function expandFaults(faults) {
  return faults.flatMap((fault) => {
    if (fault.type === 'patchJson') return [{ type: 'rewriteJson', rewrite: patchJson(fault) }];
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
