/**
 * A CouchDB-protocol server for the sync tests: PouchDB Server's own
 * express-pouchdb over an in-memory adapter, on the loopback interface.
 * It speaks CouchDB 3's HTTP API (/_session, _bulk_docs, _changes,
 * _all_docs) with an admin account, as a CouchDB set up for the app would.
 *
 * CORS is answered here the way CouchDB's [cors] section does it (any
 * origin, credentials allowed): express-pouchdb leaves CORS to its host.
 *
 *   node tests/couch/server.js      (port: COUCH_PORT, default 5985)
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import PouchCore from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import MapReduce from 'pouchdb-mapreduce';
import Replication from 'pouchdb-replication';
import expressPouchDB from 'express-pouchdb';

const PouchDB = PouchCore.plugin(MemoryAdapter).plugin(MapReduce).plugin(Replication);

export const ADMIN = { name: 'admin', password: 'test-password' };

/** Starts the server; resolves with its address and a way to stop it. */
export async function startCouch(port = Number(process.env.COUCH_PORT ?? 5985), host = '127.0.0.1') {
	const MemPouch = PouchDB.defaults({ adapter: 'memory' });
	const app = expressPouchDB(MemPouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: '/dev/null' });
	await new Promise((resolve, reject) => app.couchConfig.set('admins', ADMIN.name, ADMIN.password, (e) => (e ? reject(e) : resolve(undefined))));
	// A learner's account, as the README has one made: not an admin, a member of the databases it syncs.
	const server = http.createServer((req, res) => {
		const origin = req.headers.origin;
		if (origin) {
			res.setHeader('Access-Control-Allow-Origin', origin);
			res.setHeader('Access-Control-Allow-Credentials', 'true');
			res.setHeader('Vary', 'Origin');
		}
		if (req.method === 'OPTIONS' && origin) {
			res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
			res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
			res.setHeader('Access-Control-Max-Age', '600');
			res.statusCode = 204;
			res.end();
			return;
		}
		app(req, res);
	});
	await new Promise((resolve) => server.listen(port, host, resolve));
	const address = server.address();
	return {
		url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${address.port}`,
		port: address.port,
		admin: ADMIN,
		close: () => new Promise((resolve) => server.close(resolve))
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	// express-pouchdb 4.2 throws on some refused requests (creating a database without rights): log it, keep serving.
	process.on('uncaughtException', (e) => console.error('express-pouchdb:', e));
	startCouch().then((s) => console.log(`CouchDB-protocol server (express-pouchdb, in memory) on ${s.url}`));
}
