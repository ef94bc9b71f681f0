// Which Chromium the end-to-end tests and the benchmarks drive: CHROMIUM_PATH, else the system's
// (Debian's, as CI uses), else undefined, and Playwright then uses its own, which a contributor with
// a network installs once with `npx playwright install chromium` (macOS, Windows).

import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

export function chromiumPath(): string | undefined {
	return process.env.CHROMIUM_PATH ?? SYSTEM_CHROMIUM.find((p) => existsSync(p));
}
