import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

/**
 * No tracked file names a directory of one particular machine (a home folder, a workspace root):
 * such a path works for nobody else who clones the repository. System paths that a default or an
 * example may name (a browser's usual install location, the temp folder) are not in the list.
 */
const MACHINE_DIRS = ['home', 'root', 'work', 'Users'].map((d) => `/${d}/`);

it('should have no absolute machine paths in tracked files', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  const hits = files.flatMap((file) => {
    if (/\.(png|jpe?g|gif|ico|woff2?|db)$/.test(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (MACHINE_DIRS.some((d) => line.includes(d)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
  });
  expect(hits).toEqual([]);
});
