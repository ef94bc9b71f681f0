// A CouchDB-compatible server for the sync tests (unit and end to end): pouchdb-server in memory,
// on 127.0.0.1, started and stopped by the tests themselves. It gets an admin, a user `ana` with
// the password `pw`, and a per-user database `kartu-ana` only she (and the admin) may use: the
// setup the README describes for a real CouchDB.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface TestCouch {
	/** The server's root: http://127.0.0.1:PORT */
	root: string;
	/** Ana's database. */
	url: string;
	stop(): Promise<void>;
}

export const ADMIN = 'Basic ' + Buffer.from('admin:secret').toString('base64');

async function call(url: string, method: string, body?: unknown): Promise<Response> {
	return fetch(url, {
		method,
		headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** A port free on 127.0.0.1 now (the system's pick), for a server that must be told its port. */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	await new Promise((r) => server.close(r));
	return port;
}

/**
 * Starts the server on `port` (0: a free port) and sets up Ana's database; resolves once it
 * answers.
 */
export async function startCouch(port: number): Promise<TestCouch> {
	if (port === 0) port = await freePort();
	// pouchdb-server writes its config.json and log.txt where it runs.
	const dir = mkdtempSync(join(tmpdir(), 'kartu-couch-'));
	const bin = resolve(import.meta.dirname, '../node_modules/pouchdb-server/bin/pouchdb-server');
	const child: ChildProcess = spawn(
		process.execPath,
		[bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port)],
		{ cwd: dir, stdio: 'ignore' }
	);
	const root = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (child.exitCode === null) {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill();
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		for (let i = 0; ; i++) {
			try {
				if ((await fetch(root)).ok) break;
			} catch {
				if (i > 100) throw new Error(`pouchdb-server did not start on ${root}`);
				await new Promise((r) => setTimeout(r, 100));
			}
		}
		await fetch(`${root}/_config/admins/admin`, { method: 'PUT', body: '"secret"' });
		await call(`${root}/kartu-ana`, 'PUT');
		await call(`${root}/_users/org.couchdb.user:ana`, 'PUT', {
			name: 'ana',
			password: 'pw',
			roles: [],
			type: 'user'
		});
		await call(`${root}/kartu-ana/_security`, 'PUT', {
			members: { names: ['ana'], roles: [] },
			admins: { names: [], roles: [] }
		});
	} catch (e) {
		await stop();
		throw e;
	}
	return { root, url: `${root}/kartu-ana`, stop };
}

/** A proxy in front of a test server that answers some requests itself, as a failing server would. */
export interface TestProxy {
	root: string;
	/** Requests seen: method, path and the number of documents of a `_bulk_docs`. */
	seen: { method: string; path: string; docs?: number }[];
	stop(): Promise<void>;
}

/**
 * Starts a proxy on a free port in front of `target`: each request is first shown to `fail`, whose
 * status (413, 503, …) is answered instead of forwarding it, with CouchDB's kind of JSON body.
 */
export async function startProxy(
	target: string,
	fail: (req: { method: string; path: string; docs?: number }) => number | undefined
): Promise<TestProxy> {
	const seen: TestProxy['seen'] = [];
	const server = createHttpServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		const body = Buffer.concat(chunks);
		const path = req.url ?? '/';
		let docs: number | undefined;
		if (path.includes('/_bulk_docs'))
			docs = (JSON.parse(body.toString() || '{}').docs ?? []).length as number;
		const r = { method: req.method ?? 'GET', path, docs };
		seen.push(r);
		const status = fail(r);
		const cors: Record<string, string> = {
			'access-control-allow-origin': req.headers.origin ?? '*',
			'access-control-allow-credentials': 'true',
			'access-control-allow-headers': 'accept, authorization, content-type, origin',
			'access-control-allow-methods': 'GET, PUT, POST, DELETE'
		};
		if (req.method === 'OPTIONS') {
			res.writeHead(204, cors).end();
			return;
		}
		if (status) {
			res
				.writeHead(status, { 'Content-Type': 'application/json', ...cors })
				.end(JSON.stringify({ error: String(status), reason: 'injected by the test proxy' }));
			return;
		}
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(req.headers))
			if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
		try {
			const up = await fetch(target + path, {
				method: req.method,
				headers,
				body: body.length ? body : undefined
			});
			const out: Record<string, string> = { ...cors };
			up.headers.forEach((v, k) => {
				if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k))
					out[k] = v;
			});
			res.writeHead(up.status, out).end(Buffer.from(await up.arrayBuffer()));
		} catch {
			res.writeHead(502, cors).end();
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return {
		root: `http://127.0.0.1:${port}`,
		seen,
		stop: () => new Promise((r) => server.close(() => r()))
	};
}

/** Creates database `name` on the test server for Ana (as the README's setup does); returns its address. */
export async function createDatabase(couch: TestCouch, name: string): Promise<string> {
	await call(`${couch.root}/${name}`, 'PUT');
	await call(`${couch.root}/${name}/_security`, 'PUT', {
		members: { names: ['ana'], roles: [] },
		admins: { names: [], roles: [] }
	});
	return `${couch.root}/${name}`;
}
