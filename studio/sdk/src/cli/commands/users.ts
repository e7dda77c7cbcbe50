import { createUser, deleteUsers, readMe, readUser, readUsers, updateUser } from '../../commands/users.js';
import { contextFor, jsonArgument, parse, required, UsageError } from '../context.js';
import { record, table } from '../output.js';

export const usersUsage = `mantle-client users list [--limit N]
mantle-client users me
mantle-client users get ID
mantle-client users create --email E --password P [--role ID]
mantle-client users update ID --data JSON
mantle-client users delete ID...`;

const columns = ['id', 'email', 'first_name', 'last_name', 'role', 'status'];

export async function users(args: string[]): Promise<void> {
	const { values, positionals } = parse(args, {
		email: { type: 'string' },
		password: { type: 'string' },
		role: { type: 'string' },
		data: { type: 'string' },
		limit: { type: 'string' },
	});
	const ctx = contextFor(values);
	const [action = 'list', ...rest] = positionals;
	const out = ctx.output;
	const client = () => ctx.client();
	switch (action) {
		case 'list': {
			const rows = await client().request(readUsers({ fields: columns, limit: values.limit ? Number(values.limit) : 100 }));
			out.print(rows, () => table(rows, columns));
			return;
		}
		case 'me': {
			const me = await client().request(readMe());
			out.print(me, () => record(me));
			return;
		}
		case 'get': {
			const user = await client().request(readUser(required(rest[0], 'the user id')));
			out.print(user, () => record(user));
			return;
		}
		case 'create': {
			const user = await client().request(
				createUser({
					email: required(values.email, '--email'),
					password: required(values.password, '--password'),
					...(values.role ? { role: values.role } : {}),
				}),
			);
			out.print(user, () => record(user));
			return;
		}
		case 'update': {
			const user = await client().request(updateUser(required(rest[0], 'the user id'), jsonArgument('data', required(values.data, '--data'))));
			out.print(user, () => record(user));
			return;
		}
		case 'delete': {
			if (rest.length === 0) throw new UsageError('Missing the ids of the users to delete.');
			await client().request(deleteUsers(rest));
			out.print({ deleted: rest }, () => `Deleted ${rest.length} user${rest.length === 1 ? '' : 's'}.`);
			return;
		}
	}
	throw new UsageError(`Usage:\n${usersUsage}`);
}
