/**
 * The script-tag bundle: defines the elements and exposes the public API as `window.XPay` (Vite's
 * IIFE `name`). zod is set jitless before anything parses (the elements only parse once connected),
 * so nothing calls `new Function` under a merchant's strict CSP.
 */
import { useJitlessZod } from './api/zod-jitless.js';
import { defineElements } from './define.js';

useJitlessZod();
defineElements();

export * from './index.js';
// Overrides index.ts's mount: this bundle has defined the elements above (see mountDefined).
export { mountDefined as mount } from './mount.js';
