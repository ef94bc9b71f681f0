// Loads SQLite (sql.js, WebAssembly) in the browser only when an Anki export is asked for.

import type { SqlJsStatic } from 'sql.js';

export async function loadSql(): Promise<SqlJsStatic> {
	const [{ default: initSqlJs }, { default: wasmUrl }] = await Promise.all([
		import('sql.js/dist/sql-wasm-browser.js'),
		import('sql.js/dist/sql-wasm-browser.wasm?url')
	]);
	return initSqlJs({ locateFile: () => wasmUrl });
}
