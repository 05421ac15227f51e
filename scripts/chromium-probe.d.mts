import type { ChromiumHost, ChromiumProbe } from './find-chromium.d.mts';

/** True for a regular file this user may execute (not a directory, not a device). */
export declare function isExecutable(path: string): boolean;
/** This process's probe: its environment, platform and file system, and Playwright's browser path. */
export declare function machineProbe(): ChromiumProbe;
/** What this machine allows the step to install with (root, Debian with apt-get). */
export declare function machineHost(): ChromiumHost;
