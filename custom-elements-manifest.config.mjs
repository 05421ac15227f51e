/**
 * `cem analyze`: builds dist/custom-elements.json from the elements' JSDoc headers (IDE hints, docs).
 * The analyzer describes the source as written; `publicManifest()` turns that into what a merchant
 * can use: only the registered elements, at paths the package ships, with their public members,
 * types spelled as literal unions (not aliases the package does not export) and defaults as values
 * (not source expressions). test/unit/build/custom-elements-manifest.test.ts checks the result
 * against the schema and against README's reference tables.
 */

/** Unexported aliases the elements use, spelled out (summary.view.ts, billing.ts, api/enums.ts). */
const TYPE_TEXT = {
  SummaryMode: "'full' | 'total' | 'none'",
  'FieldGroup[]': "('email' | 'phone' | 'address')[]",
  "ChallengeWindowSize | 'unknown'": "'01' | '02' | '03' | '04' | '05' | 'unknown'",
};
/** Defaults written as expressions in the source, as the values they produce. */
const DEFAULTS = {
  '[...FIELD_GROUPS]': "['email', 'phone', 'address']",
};
/** Source module → the shipped file that exports its element (`define.js` registers both tags). */
const MODULE_PATHS = {
  'src/elements/checkout/checkout.ts': 'dist/esm/index.js',
  'src/elements/challenge/challenge.ts': 'dist/esm/define.js',
  'src/define.ts': 'dist/esm/define.js',
};
const LITERAL = /^(?:'[^']*'|"[^"]*"|-?[\d_]+(?:\.\d+)?|true|false|null)$/;

const cleanType = (type) => (type && { ...type, text: TYPE_TEXT[type.text] ?? type.text });
const cleanDefault = (value) => {
  if (value === undefined) return undefined;
  if (DEFAULTS[value]) return DEFAULTS[value];
  return LITERAL.test(value) ? value.replace(/(\d)_(\d)/g, '$1$2') : undefined;
};
const modulePath = (path) => MODULE_PATHS[path.replace(/^\//, '').replace(/\.js$/, '.ts')];

function cleanDeclaration(d) {
  const members = (d.members ?? [])
    .filter((m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'))
    .map((m) => ({ ...m, type: cleanType(m.type), default: cleanDefault(m.default) }));
  const attributes = (d.attributes ?? []).map((a) => ({
    ...a,
    type: cleanType(a.type),
    default: cleanDefault(a.default),
    // `@attr` tags (the reflected status and busy) name no field; link them to their property.
    fieldName: a.fieldName ?? (members.some((m) => m.name === a.name) ? a.name : undefined),
  }));
  return { ...d, members, attributes };
}

function publicManifest() {
  return {
    name: 'xpay-public-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const byPath = new Map();
      for (const mod of manifest.modules) {
        const path = modulePath(mod.path);
        if (!path) continue;
        const declarations = (mod.declarations ?? []).filter((d) => d.customElement).map(cleanDeclaration);
        const exports = (mod.exports ?? [])
          .filter((e) => e.kind === 'custom-element-definition' || declarations.some((d) => d.name === e.name))
          .map((e) => ({ ...e, declaration: { ...e.declaration, module: modulePath(e.declaration.module) ?? path } }));
        const target = byPath.get(path) ?? { kind: 'javascript-module', path, declarations: [], exports: [] };
        target.declarations.push(...declarations);
        target.exports.push(...exports);
        byPath.set(path, target);
      }
      manifest.modules = [...byPath.values()];
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts', 'src/define.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json already names the manifest; the analyzer must not rewrite it during builds.
  packagejson: false,
  plugins: [publicManifest()],
};
