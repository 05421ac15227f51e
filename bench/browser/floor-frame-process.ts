import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { FLOOR_FRAME_PATH } from './floor-frame.js';

/** The floor frame's server, running in its own process. */
export interface FloorFrameServer {
  /** `http://127.0.0.1:<port>`: the sandbox's host on another port, so the same site as the card frame. */
  origin: string;
  /** The frame document's URL for a parent page on `parentOrigin`; `read`: the checkout floor's frame, which reads a session first. */
  frameUrl(parentOrigin: string, read?: boolean): string;
  close(): Promise<void>;
}

/** Starts bench/browser/floor-frame.ts as a child process and resolves once it listens. */
export async function startFloorFrameServer(): Promise<FloorFrameServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'floor-frame.ts')], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const origin = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`floor frame server did not start in 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        ready(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`floor frame server exited (${code}):\n${out}`)));
  });
  return {
    origin,
    frameUrl: (parentOrigin, read = false) => `${origin}${FLOOR_FRAME_PATH}?origin=${encodeURIComponent(parentOrigin)}${read ? '&read=1' : ''}`,
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.stdin.end();
      }),
  };
}
