// The review page's session on the app's database: the route creates it here, so that it never
// names the database itself.

import { db } from '../db/db';
import { ready } from './app';
import { ReviewSession } from './review-session.svelte';

/** A session over today's queue, or over one article's cards when `practice` names it. */
export function reviewSession(practice?: string): ReviewSession {
	return new ReviewSession(db, { practice, ready: ready() });
}
