// Every page is prerendered as a static shell; the app runs in the browser, where IndexedDB exists.
export const prerender = true;
export const ssr = false;
