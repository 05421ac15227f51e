/**
 * The secure card frame, served by the API origin at `/frames/card/v1/?origin=…&mode=test|live` (src/frame/frame-params.ts).
 *
 * Its CSP is `script-src 'self'; style-src 'self'` with no `unsafe-eval`, so zod must not compile
 * validators with `new Function`: `jitless` is set before any schema is built.
 */
import { useJitlessZod } from '../api/zod-jitless.js';
import { startFrame } from './frame-app.js';
import { readFrameParams } from './frame-params.js';
import { EN_STRINGS } from './frame-strings.js';

useJitlessZod();

const params = readFrameParams(location.search);
// Without a host origin there is nobody to talk to, and outside an iframe nobody to talk for.
if (params && window.parent !== window) {
  startFrame(params, document.body);
} else {
  const notice = document.createElement('p');
  notice.className = 'misconfigured';
  notice.textContent = EN_STRINGS.misconfigured;
  document.body.append(notice);
}
