// The review page's session on the app's database: the route creates it here, so that it never
// names the database itself.

import { db } from '../db/db';
import { ready } from './app';
import { CHANGES_CHANNEL, COLLECTION_REPLACED } from './shell';
import { ReviewSession } from './review-session.svelte';

/** A session over today's queue, or over one article's cards when `practice` names it. */
export function reviewSession(practice?: string): ReviewSession {
	const session = new ReviewSession(db, { practice, ready: ready() });
	// A Replace import or a restore in another tab: reload, rather than answer cards that are gone.
	if (typeof BroadcastChannel !== 'undefined') {
		const channel = new BroadcastChannel(CHANGES_CHANNEL);
		channel.onmessage = (e) => {
			if (e.data === COLLECTION_REPLACED) void session.collectionReplaced();
		};
		session.onStop(() => channel.close());
	}
	return session;
}
