// The floor the items benchmark compares Mantle with: `node:http` and the database driver alone,
// answering the two reads Mantle is measured on ("list 100" and "one by id") with the same JSON,
// and `/server/ping` with the same `pong`. With BARE_FRONT=hapi the same answers go through one
// Hapi catch-all route instead (as Mantle's requests do), which measures what Hapi's request
// lifecycle alone costs on top of the bare server: the ceiling of any server built on Hapi.
// Started by items.mjs with BARE_CLIENT (sqlite | postgres | mysql), BARE_CONNECTION (the
// driver's connection options as JSON), BARE_FIELDS (the keys of an article as Mantle returns
// them, in order), BARE_DATETIME (the dateTime columns) and BARE_M2M (`field:junction:fk`, an
// M2M alias that Mantle returns as the junction rows' keys). Prints `{"port":N}` once listening.
import http from 'node:http';
import Hapi from '@hapi/hapi';

const client = process.env.BARE_CLIENT;
const connection = JSON.parse(process.env.BARE_CONNECTION);
const fields = process.env.BARE_FIELDS.split(',');
const dateTimes = new Set((process.env.BARE_DATETIME ?? '').split(',').filter(Boolean));
const [m2mField, junction, foreignKey] = (process.env.BARE_M2M ?? '').split(':');
const columns = fields.filter((field) => field !== m2mField);
const columnList = columns.map((column) => `"${column}"`).join(', ');

/** `query(sql, params)` resolving to rows, `?` placeholders, identifiers in double quotes. */
async function connect() {
	if (client === 'sqlite') {
		const { default: Database } = await import('better-sqlite3');
		const db = new Database(connection.filename, { fileMustExist: true });
		db.pragma('busy_timeout = 5000');
		const statements = new Map();
		return async (sql, params) => {
			let statement = statements.get(sql);
			if (!statement) statements.set(sql, (statement = db.prepare(sql)));
			return statement.all(...params);
		};
	}
	if (client === 'postgres') {
		const { default: pg } = await import('pg');
		// Zone-free timestamps as the stored text, as Mantle's connections read them.
		const types = { getTypeParser: (oid, format) => (oid === 1114 || oid === 1082 ? (value) => value : pg.types.getTypeParser(oid, format)) };
		const pool = new pg.Pool({ ...connection, max: 10, types });
		return async (sql, params) => {
			let n = 0;
			return (
				await pool.query(
					sql.replace(/\?/g, () => `$${++n}`),
					params,
				)
			).rows;
		};
	}
	const { default: mysql } = await import('mysql2/promise');
	const pool = mysql.createPool({ ...connection, connectionLimit: 10, dateStrings: true });
	return async (sql, params) => (await pool.query(sql, params))[0];
}

const query = await connect();
// MySQL quotes names with backticks unless ANSI_QUOTES is on.
const quote = client === 'mysql' ? (sql) => sql.replace(/"/g, '`') : (sql) => sql;

/** `YYYY-MM-DDTHH:MM:SS`, Mantle's form of a dateTime, from stored text or epoch milliseconds. */
function dateTimeText(raw) {
	if (typeof raw === 'number') return new Date(raw).toISOString().slice(0, 19);
	if (raw instanceof Date) return new Date(raw.getTime() - raw.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
	return `${raw.slice(0, 10)}T${raw.slice(11, 19)}`;
}

async function shape(rows) {
	let related;
	if (m2mField && rows.length) {
		related = new Map(rows.map((row) => [row.id, []]));
		const ids = rows.map((row) => row.id);
		const links = await query(
			quote(`select "id", "${foreignKey}" from "${junction}" where "${foreignKey}" in (${ids.map(() => '?').join(', ')}) order by "id"`),
			ids,
		);
		for (const link of links) related.get(link[foreignKey])?.push(link.id);
	}
	return rows.map((row) => {
		const item = {};
		for (const field of fields) {
			if (field === m2mField) item[field] = related.get(row.id);
			else item[field] = dateTimes.has(field) && row[field] !== null ? dateTimeText(row[field]) : row[field];
		}
		return item;
	});
}

const listSql = quote(`select ${columnList} from "articles" order by "id" limit 100`);
const byIdSql = quote(`select ${columnList} from "articles" where "id" = ?`);

const json = 'application/json; charset=utf-8';
const refusal = (message, code) => ({ errors: [{ message, extensions: { code } }] });

/** What a path is answered with: status, content type and body (an object is sent as JSON). */
async function answer(pathname) {
	if (pathname === '/server/ping') return { status: 200, type: 'text/plain; charset=utf-8', body: 'pong' };
	if (pathname === '/items/articles') return { status: 200, type: json, body: { data: await shape(await query(listSql, [])) } };
	const match = /^\/items\/articles\/(\d+)$/.exec(pathname);
	if (match) {
		const [item] = await shape(await query(byIdSql, [Number(match[1])]));
		return item ? { status: 200, type: json, body: { data: item } } : { status: 403, type: json, body: refusal('Forbidden', 'FORBIDDEN') };
	}
	return { status: 404, type: json, body: refusal('Route not found', 'ROUTE_NOT_FOUND') };
}

async function answerFailing(pathname) {
	try {
		return await answer(pathname);
	} catch (error) {
		return { status: 500, type: json, body: refusal(error.message, 'INTERNAL') };
	}
}

/** Stops the server and exits, whichever front it is. */
let stop;
if (process.env.BARE_FRONT === 'hapi') {
	const server = Hapi.server({ host: '127.0.0.1', port: 0 });
	server.route({
		method: 'GET',
		path: '/{path*}',
		handler: async (request, h) => {
			const { status, type, body } = await answerFailing(request.path);
			return h.response(body).type(type).code(status);
		},
	});
	await server.start();
	console.log(JSON.stringify({ port: server.info.port }));
	stop = async () => {
		await server.stop({ timeout: 1000 });
		process.exit(0);
	};
} else {
	const server = http.createServer(async (request, response) => {
		const { status, type, body } = await answerFailing(new URL(request.url, 'http://localhost').pathname);
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
		response.end(text);
	});
	server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
	stop = () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
	};
}
process.once('SIGTERM', () => stop());
