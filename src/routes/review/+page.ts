// The review page's shell (navigation, counts, "Loading…") is rendered at build time, so it is on
// screen at once and the early script (src/lib/db/early/early.ts) can draw the first card into it
// before the app has loaded.
export const ssr = true;
