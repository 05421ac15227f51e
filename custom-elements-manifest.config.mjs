/** `cem analyze`: builds dist/custom-elements.json from the elements' JSDoc headers (IDE hints, docs). */
export default {
  globs: ['src/elements/**/*.ts', 'src/define.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  // package.json already names the manifest; the analyzer must not rewrite it during builds.
  packagejson: false,
};
