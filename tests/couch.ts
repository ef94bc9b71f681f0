// A CouchDB-compatible server for the sync tests (unit and end to end): pouchdb-server in memory,
// on 127.0.0.1, started and stopped by the tests themselves. It gets an admin, a user `ana` with
// the password `pw`, and a per-user database `kartu-ana` only she (and the admin) may use: the
// setup the README describes for a real CouchDB.

import { spawn, type ChildProcess } from 'node:child_process';
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

/** Starts the server on `port` and sets up Ana's database; resolves once it answers. */
export async function startCouch(port: number): Promise<TestCouch> {
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
