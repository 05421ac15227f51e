import { config } from 'zod/mini';

/**
 * Makes zod parse without generated code (`new Function`), and skips its eval probe, which a strict
 * CSP would report as a `securitypolicyviolation` even though zod catches it. Call it at the top of
 * every bundle that inlines zod — the CDN entry (`src/cdn.ts`) and the card frame (`src/frame/main.ts`)
 * — before any schema is built (schemas are built lazily, on first use, so the top of the entry is
 * early enough). The npm ESM build leaves zod external and does not call it: the app owns its zod.
 *
 * @example
 * import { useJitlessZod } from './api/zod-jitless.js';
 * useJitlessZod();
 */
export function useJitlessZod(): void {
  config({ jitless: true });
}
