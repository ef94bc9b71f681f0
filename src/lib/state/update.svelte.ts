// Tells the learner when this tab should be reloaded, and reloads only when they ask: a new version
// of Kartu is installed and waiting (src/service-worker.ts), or a newer version in another tab has
// upgraded the database, so this tab closed its connection (state/app.ts). On every page, so kept
// small: no database, no Dexie.

/** `version`: a new version is ready. `database`: this tab can no longer use the database. */
export type UpdateReason = 'version' | 'database';

/** Posted to the waiting service worker to make it take over (src/service-worker.ts). */
const TAKE_OVER = 'kartu:take-over';
/** How often an open tab asks for a new version, besides each time it comes back into view. */
const CHECK_EVERY_MS = 3_600_000;

class UpdateNotice {
	reason = $state<UpdateReason | undefined>();
	#registration: ServiceWorkerRegistration | undefined;
	#watching = false;
	#reloading = false;

	/** Starts watching for a new version (once; in the browser). Never reloads by itself. */
	watch(): void {
		const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
		if (!container || this.#watching) return;
		this.#watching = true;
		// A worker that installs while one already serves this page is a new version.
		const track = (worker: ServiceWorker | null) =>
			worker?.addEventListener('statechange', () => {
				if (worker.state === 'installed' && container.controller) this.#found('version');
			});
		let controlled = !!container.controller;
		container.addEventListener('controllerchange', () => {
			if (this.#reloading) location.reload();
			// Another tab's learner chose to reload into a new version: it serves this tab now too.
			else if (controlled) this.#found('version');
			controlled = true;
		});
		void container.ready.then((registration) => {
			this.#registration = registration;
			if (registration.waiting && container.controller) this.#found('version');
			track(registration.installing);
			registration.addEventListener('updatefound', () => track(registration.installing));
			const check = () => void registration.update().catch(() => {});
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') check();
			});
			setInterval(check, CHECK_EVERY_MS);
		});
	}

	/** A newer version upgraded the database from another tab; this tab no longer writes to it. */
	databaseUpgraded(): void {
		this.#found('database');
	}

	/** Reloads into the new version: a waiting one takes over first (then `controllerchange` reloads). */
	reload(): void {
		this.#reloading = true;
		const waiting = this.#registration?.waiting;
		if (!waiting) return location.reload();
		waiting.postMessage(TAKE_OVER);
		// Should the worker not take over, the page reloads all the same.
		setTimeout(() => location.reload(), 3000);
	}

	#found(reason: UpdateReason): void {
		if (this.reason !== 'database') this.reason = reason;
	}
}

/** The one notice of the page. */
export const update = new UpdateNotice();
