// Every page's HTML gets the early script (src/lib/db/early/early.ts) in its head: it opens the database
// while the app's modules load; on the home page it fills in today's counts before the app starts,
// and on the review page it reads today's queue for the review session.

import type { Handle } from '@sveltejs/kit';
import early from 'virtual:kartu-early';

const PLACEHOLDER = '<!--kartu-early-->';

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => {
			const page =
				event.route.id === '/' ? 'home' : event.route.id === '/review' ? 'review' : 'other';
			const code = early.replace(/<\//g, '<\\/');
			// A function, not a string: the code may hold `$'` or `$&`, which a replacement string would expand.
			return html.replace(
				PLACEHOLDER,
				() => `<script data-page="${page}" data-version="${__CONTENT_VERSION__}">${code}</script>`
			);
		}
	});
