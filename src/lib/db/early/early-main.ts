// The early script's entry (see early.ts): hooks.server.ts inlines it with the page and the build's
// content version as data attributes of its script element.

import { start } from './early';

const { page, version } = (document.currentScript as HTMLScriptElement | null)?.dataset ?? {};
start(page, version);
