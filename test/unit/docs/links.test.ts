import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The project's own documentation links only to files inside the repository, and every link
 * resolves: a contributor who has only the repository can follow each one. Anchors are checked
 * against the target's headings, slugged as GitHub does.
 */
const ROOT = resolve('.');
const PAGES = ['README.md', 'CONTRIBUTING.md', 'bench/README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's heading anchor: lower case, punctuation other than `-` and `_` dropped, spaces to `-`. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/^```[^]*?^```/gm, '');
  return new Set((text.match(/^#{1,6} .+$/gm) ?? []).map((h) => slug(h.replace(/^#+ /, ''))));
}

/** `[text](target)` links outside code blocks and code spans, minus web and mail links. */
function linksOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/^```[^]*?^```/gm, '')
    .replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(https?:|mailto:)/.test(t));
}

describe.each(PAGES.filter((page) => linksOf(page).length > 0))('%s', (page) => {
  it.each(linksOf(page))('should link %s inside the repository', (target) => {
    const [path = '', anchor] = target.split('#');
    const file = path === '' ? resolve(page) : resolve(dirname(page), decodeURIComponent(path));
    expect(relative(ROOT, file).startsWith('..'), `${target} leaves the repository`).toBe(false);
    expect(existsSync(file), `${target} does not exist`).toBe(true);
    if (anchor && statSync(file).isFile() && file.endsWith('.md')) {
      expect(anchorsOf(file), `${target}: no heading for #${anchor} in ${relative(ROOT, file)}`).toContain(anchor);
    }
  });
});

it('should find the pages it checks', () => {
  for (const page of PAGES) expect(existsSync(join(ROOT, page)), page).toBe(true);
});

it.each(['README.md', 'CONTRIBUTING.md'])('%s should name no path outside the repository, not even in code', (page) => {
  // A root page has nothing above it to point at: '../x' is always another checkout's file.
  expect(readFileSync(page, 'utf8').match(/\.\.\/[\w./-]+/g) ?? []).toEqual([]);
});
