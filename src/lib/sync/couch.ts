// The CouchDB replication protocol, as much of it as Kartu needs, over fetch: the database's info,
// one marker document, `_bulk_docs` to send and `_changes` to receive. Every document Kartu writes
// is immutable (a review never changes), so there are no revisions to reconcile and no conflicts:
// a document already there answers `conflict`, which means "already sent".
//
// Why not PouchDB: it keeps a second copy of every document in its own IndexedDB database (100,000
// reviews twice), and its revision trees buy nothing for immutable documents.

/** A failure, in words for the learner; `retry` when trying again later may help. */
export class SyncError extends Error {
	constructor(
		message: string,
		readonly retry = false
	) {
		super(message);
		this.name = 'SyncError';
	}
}

/** The marker document: a database holding it is Kartu's. */
export const MARKER_ID = 'kartu';
/**
 * 1: reviews, word marks and meanings. 2: the change log too (db/changes.ts): removals, suspensions,
 * settings, articles. A version that knows only 1 would miss removals, so it is refused a 2.
 */
export const FORMAT = 2;

export interface CouchOptions {
	url: string;
	user: string;
	password: string;
	fetch?: typeof fetch;
	/** Waits between attempts (tests pass one that does not wait). */
	sleep?: (ms: number) => Promise<void>;
	/** Attempts per request when the server is unreachable or fails (5xx, 429). */
	attempts?: number;
}

export interface ChangesPage {
	docs: Record<string, unknown>[];
	lastSeq: string | number;
	more: boolean;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One CouchDB database, with the learner's credentials sent to it and nowhere else. */
export class Couch {
	readonly #base: string;
	readonly #auth: string;
	readonly #fetch: typeof fetch;
	readonly #sleep: (ms: number) => Promise<void>;
	readonly #attempts: number;

	constructor(o: CouchOptions) {
		this.#base = o.url.replace(/\/+$/, '');
		this.#auth = 'Basic ' + btoa(unescape(encodeURIComponent(`${o.user}:${o.password}`)));
		this.#fetch = o.fetch ?? fetch.bind(globalThis);
		this.#sleep = o.sleep ?? wait;
		this.#attempts = o.attempts ?? 4;
	}

	/**
	 * A request to the database (path '' or '/_changes?…'), as JSON; retried with back-off (1 s,
	 * 2 s, 4 s) when the server cannot be reached or answers 5xx or 429. Throws SyncError.
	 */
	async request(
		method: string,
		path: string,
		body?: unknown,
		signal?: AbortSignal
		// The server's JSON is checked field by field where it is read.
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
	): Promise<{ status: number; json: any }> {
		for (let attempt = 1; ; attempt++) {
			let res: Response;
			try {
				res = await this.#fetch(this.#base + path, {
					method,
					headers: {
						Authorization: this.#auth,
						Accept: 'application/json',
						...(body === undefined ? {} : { 'Content-Type': 'application/json' })
					},
					body: body === undefined ? undefined : JSON.stringify(body),
					credentials: 'omit',
					cache: 'no-store',
					redirect: 'error',
					signal
				});
			} catch (e) {
				if (signal?.aborted) throw e;
				if (attempt < this.#attempts) {
					await this.#sleep(1000 * 2 ** (attempt - 1));
					continue;
				}
				throw new SyncError(
					'The server could not be reached (offline, a wrong address, or a server that does not allow Kartu: see its CORS settings). Kartu keeps working here and will try again.',
					true
				);
			}
			if ((res.status >= 500 || res.status === 429) && attempt < this.#attempts) {
				await this.#sleep(1000 * 2 ** (attempt - 1));
				continue;
			}
			const json = await res.json().catch(() => undefined);
			if (res.ok || res.status === 409) return { status: res.status, json };
			throw statusError(res.status, method, path);
		}
	}

	/** Checks the database is there and Kartu's, and marks an empty one as Kartu's. */
	async open(): Promise<void> {
		const info = await this.request('GET', '');
		if (typeof info.json?.doc_count !== 'number')
			throw new SyncError('That address does not answer like a CouchDB database.');
		const marker = await this.request('GET', `/${MARKER_ID}`).catch((e: unknown) => {
			if (e instanceof SyncError && e.message.startsWith(NOT_FOUND)) return undefined;
			throw e;
		});
		if (marker) {
			if (marker.json?.app !== 'kartu')
				throw new SyncError(
					"That database is not Kartu's: it holds other documents. Give Kartu a database of its own."
				);
			if (marker.json.format > FORMAT)
				throw new SyncError(
					'That database was written by a newer version of Kartu: update Kartu here first.'
				);
			// Written by an older version: from now on it holds changes that version cannot read.
			if (!(marker.json.format >= FORMAT))
				await this.request('PUT', `/${MARKER_ID}`, { ...marker.json, format: FORMAT });
			return;
		}
		if (info.json.doc_count > 0)
			throw new SyncError(
				"That database is not Kartu's: it holds other documents. Give Kartu a database of its own."
			);
		await this.request('PUT', `/${MARKER_ID}`, { app: 'kartu', format: FORMAT });
	}

	/**
	 * Sends documents that never change: returns how many the server did not have. A document the
	 * server has already (`conflict`) counts as sent. A request too large (413) is split in two.
	 */
	async put(docs: Record<string, unknown>[]): Promise<number> {
		if (!docs.length) return 0;
		try {
			const { json } = await this.request('POST', '/_bulk_docs', { docs });
			const results = (json ?? []) as { ok?: boolean; error?: string; reason?: string }[];
			const failed = results.find((r) => r.error && r.error !== 'conflict');
			if (failed)
				throw new SyncError(
					`The server refused a document (${failed.error}: ${failed.reason ?? ''}).`
				);
			return results.filter((r) => r.ok).length;
		} catch (e) {
			if (e instanceof TooLarge && docs.length > 1) {
				const half = Math.ceil(docs.length / 2);
				return (await this.put(docs.slice(0, half))) + (await this.put(docs.slice(half)));
			}
			if (e instanceof TooLarge)
				throw new SyncError('The server refused a document as too large (its max_document_size).');
			throw e;
		}
	}

	/**
	 * Resolves once the database has a change after `since` or `timeout` ms have passed (CouchDB's
	 * long-polling `_changes` feed); `signal` stops the wait. Throws SyncError as `request` does.
	 */
	async waitForChange(
		since: string | number | null,
		timeout: number,
		signal?: AbortSignal
	): Promise<void> {
		const q = new URLSearchParams({ feed: 'longpoll', timeout: String(timeout), limit: '1' });
		q.set('since', since === null ? '0' : String(since));
		await this.request('GET', `/_changes?${q}`, undefined, signal);
	}

	/** The next documents changed since `since`, at most `limit`. */
	async changes(since: string | number | null, limit: number): Promise<ChangesPage> {
		const q = new URLSearchParams({ include_docs: 'true', limit: String(limit) });
		if (since !== null) q.set('since', String(since));
		const { json } = await this.request('GET', `/_changes?${q}`);
		const results = (json?.results ?? []) as { doc?: Record<string, unknown>; deleted?: boolean }[];
		return {
			docs: results.filter((r) => r.doc && !r.deleted).map((r) => r.doc!),
			lastSeq: json?.last_seq ?? since ?? 0,
			more: results.length >= limit
		};
	}
}

const NOT_FOUND = 'No database at that address';

class TooLarge extends SyncError {}

function statusError(status: number, method: string, path: string): SyncError {
	if (status === 401)
		return new SyncError('The server refused the user name or password. Check them and try again.');
	if (status === 403)
		return new SyncError('The server does not let this user write to that database (403).');
	if (status === 404)
		return new SyncError(
			path
				? `${NOT_FOUND}, or not all of it (404 on ${method} ${path.split('?')[0]}).`
				: `${NOT_FOUND}: create the database first (see Kartu's README).`
		);
	if (status === 413) return new TooLarge('The server refused a request as too large (413).');
	if (status >= 500 || status === 429)
		return new SyncError(`The server is failing (${status}). Kartu will try again later.`, true);
	return new SyncError(`The server answered ${status} to ${method}.`);
}
