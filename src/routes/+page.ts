// The home page's shell is rendered at build time, so it is on screen at once and the early script
// (src/lib/db/early/early.ts) can fill in today's counts before the app has loaded.
export const ssr = true;
