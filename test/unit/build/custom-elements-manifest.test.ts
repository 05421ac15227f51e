import { readFileSync } from 'node:fs';
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

/**
 * The manifest is what IDEs and doc generators show merchants, and README's reference tables are
 * what they read: both must describe the same public element, and the manifest must be valid.
 */
describe('custom-elements.json as merchants see it', () => {
  interface Member { kind: string; name: string; type?: { text: string }; default?: string; readonly?: boolean; privacy?: string; static?: boolean }
  interface Attribute { name: string; fieldName?: string; type?: { text: string }; default?: string }
  interface Declaration { name: string; tagName?: string; customElement?: boolean; members?: Member[]; attributes?: Attribute[]; events?: ManifestEvent[]; cssParts?: { name: string }[]; cssProperties?: { name: string }[] }
  const checkout = (): Declaration =>
    (manifest.modules.flatMap((m) => m.declarations ?? []) as Declaration[]).find((d) => d.tagName === 'xpay-checkout')!;

  /** The rows of the README table under `heading`: the first cell of each, as written. */
  const readme = readFileSync(resolve('README.md'), 'utf8');
  function firstCells(heading: string): string[] {
    const section = readme.slice(readme.indexOf(heading) + heading.length);
    const start = section.indexOf('\n|');
    const table = section.slice(start, section.indexOf('\n\n', start));
    return table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---')).slice(1).map((l) => l.split(' | ')[0]!.slice(2));
  }
  const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

  it('should validate against the custom-elements-manifest schema of the version it declares', async () => {
    const schema = JSON.parse(readFileSync(resolve('node_modules/custom-elements-manifest/schema.json'), 'utf8'));
    const { version } = JSON.parse(readFileSync(resolve('node_modules/custom-elements-manifest/package.json'), 'utf8'));
    expect((manifest as unknown as { schemaVersion: string }).schemaVersion).toBe(version);
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(manifest) ? [] : validate.errors).toEqual([]);
  });

  it('should point only at shipped files, never into src/', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/"\/?src\//);
    expect(manifest.modules.map((m) => m.path).sort()).toEqual(['dist/esm/define.js', 'dist/esm/index.js']);
  });

  it('should name no unexported type and show defaults as values, not source expressions', () => {
    const exported = new Set(['CheckoutStatus', 'CheckoutTheme', 'PaymentIntentSummary', 'TranslationOverrides', 'Translation', 'Promise']);
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []) as Declaration[];
    for (const d of declarations) {
      for (const item of [...(d.members ?? []), ...(d.attributes ?? [])]) {
        for (const [name] of (item.type?.text ?? '').matchAll(/\b[A-Z]\w*/g)) expect(exported, `${d.name}.${item.name}`).toContain(name);
        if (item.default !== undefined) expect(item.default).toMatch(/^(?:'[^']*'|\d+|true|false|null|\[('[^']*'(, )?)*\])$/);
      }
      expect((d.members ?? []).filter((m) => m.privacy === 'private' || m.name.startsWith('#') || m.static)).toEqual([]);
    }
  });

  it('should list the inputs of README\'s inputs table as properties and attributes, plus the reflected status and busy', () => {
    const rows = firstCells('### `<xpay-checkout>` inputs');
    const properties = rows.map((cell) => ticks(cell)[0]!);
    const attributes = rows.flatMap((cell) => (cell.includes('(property only)') ? [] : [ticks(cell)[1] ?? ticks(cell)[0]!]));
    const el = checkout();
    const fields = el.members!.filter((m) => m.kind === 'field' && !m.readonly).map((m) => m.name);
    expect(fields.sort()).toEqual([...properties].sort());
    expect(el.attributes!.map((a) => a.name).sort()).toEqual([...attributes, 'status', 'busy'].sort());
    for (const name of ['status', 'busy']) expect(readme).toContain(`Reflected as the \`${name}\` attribute`);
  });

  it('should list README\'s read-only properties and methods', () => {
    const el = checkout();
    const readOnly = firstCells('### Read-only properties').map((cell) => ticks(cell)[0]!);
    expect(el.members!.filter((m) => m.readonly).map((m) => m.name).sort()).toEqual(readOnly.sort());
    const methods = firstCells('### Methods').flatMap((cell) => ticks(cell).map((t) => t.replace(/\(.*$/, '')));
    expect(el.members!.filter((m) => m.kind === 'method').map((m) => m.name).sort()).toEqual(methods.sort());
  });

  it('should list README\'s events, parts and custom properties', () => {
    const el = checkout();
    expect(el.events!.map((e) => e.name)).toEqual(firstCells('### Events').map((cell) => ticks(cell)[0]!));
    const styling = readme.slice(readme.indexOf('### Styling'), readme.indexOf('### All test cards'));
    const parts = ticks(styling.slice(styling.indexOf('Parts:')));
    expect(el.cssParts!.map((p) => p.name).sort()).toEqual(parts.sort());
    expect(el.cssProperties!.map((p) => p.name)).toEqual(firstCells('### Styling').map((cell) => ticks(cell)[0]!));
  });
});
