// The app's one database instance. Import it only in the browser: IndexedDB does not exist during prerender.

import { KartuDB } from './schema';

export const db = new KartuDB();
