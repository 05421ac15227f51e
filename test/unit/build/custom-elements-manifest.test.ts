import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * What `cem analyze` (run by `npm run build`) writes to dist/custom-elements.json: IDEs and docs read
 * the public events from it. The analyzer lists every `this.dispatchEvent(new X(…))` call it finds
 * in an element's methods, naming the event after the call's first argument, so a dispatch whose
 * first argument is not the event name produced entries named "" or "detail". The public events come
 * from the `@fires` tags of the class header instead.
 */
interface ManifestEvent {
  name?: string;
  type?: { text: string };
  description?: string;
}
interface Manifest {
  modules: { path: string; declarations?: { name: string; tagName?: string; events?: ManifestEvent[] }[] }[];
}

let manifest: Manifest;

/** The analyzer's own CLI entry (untyped JS), run in-process without writing dist/custom-elements.json. */
type Cli = (options: { argv: string[]; cwd: string; noWrite: boolean }) => Promise<unknown>;
const CLI_MODULE = '@custom-elements-manifest/analyzer/cli.js';

beforeAll(async () => {
  const { cli } = (await import(CLI_MODULE)) as { cli: Cli };
  manifest = (await cli({ argv: ['analyze', '--quiet'], cwd: resolve('.'), noWrite: true })) as Manifest;
}, 60_000);

const eventsOf = (className: string): ManifestEvent[] =>
  manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === className)?.events ?? [];

describe('custom-elements.json', () => {
  it('should list exactly the six public events of <xpay-checkout>, each typed and described', () => {
    const events = eventsOf('XpayCheckout');
    expect(events.map((e) => e.name)).toEqual([
      'xpay-ready',
      'xpay-change',
      'xpay-status-change',
      'xpay-declined',
      'xpay-succeeded',
      'xpay-error',
    ]);
    for (const event of events) {
      expect(event.type?.text).toMatch(/^Xpay\w+Event$/);
      expect(event.description).toBeTruthy();
    }
  });

  it('should list no event anywhere else: the internal elements fire only internal, uncomposed events', () => {
    const all = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.events ?? []);
    expect(all).toHaveLength(6);
    expect(all.every((e) => typeof e.name === 'string' && e.name.startsWith('xpay-'))).toBe(true);
  });
});
