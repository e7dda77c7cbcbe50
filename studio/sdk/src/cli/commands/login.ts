import { createInterface } from 'node:readline';
import { createClient } from '../../client.js';
import { readMe } from '../../commands/users.js';
import { saveProfile } from '../config.js';
import { AuthRequiredError, contextFor, parse, UsageError } from '../context.js';

/** Asks on the terminal; the password is read without echo. */
async function ask(question: string, hidden: boolean): Promise<string> {
	const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
	if (hidden) {
		const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput.bind(rl);
		(rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => write(text.startsWith(question) ? text : '');
	}
	try {
		return await new Promise<string>((resolve) => rl.question(question, resolve));
	} finally {
		if (hidden) process.stderr.write('\n');
		rl.close();
	}
}

export async function login(args: string[]): Promise<void> {
	const { values, positionals } = parse(args, { email: { type: 'string' }, password: { type: 'string' }, token: { type: 'string' }, otp: { type: 'string' } });
	const ctx = contextFor(values);
	const url = positionals[0];
	if (!url || !/^https?:\/\//.test(url)) throw new UsageError('Usage: mantle-client login URL [--email E --password P | --token T]');
	// json mode: the refresh token must outlive this process, in the credentials file, not in a cookie jar.
	const client = createClient(url, { autoRefresh: false });

	if (values.token) {
		await client.setToken(values.token);
		const me = await client.request(readMe({ fields: ['id', 'email'] }));
		saveProfile(ctx.profile, { url, mode: 'json', static: true, auth: { access_token: values.token, refresh_token: null, expires: null, expires_at: null } });
		ctx.output.print({ url, user: me }, () => `Signed in to ${url} as ${me.email ?? me.id} (static token).`);
		return;
	}
	let { email, password } = values;
	if (!email || !password) {
		if (!process.stdin.isTTY) throw new UsageError('Give --email and --password (or --token): there is no terminal to ask on.');
		email ||= await ask('Email: ', false);
		password ||= await ask('Password: ', true);
	}
	if (!email || !password) throw new AuthRequiredError('An email and a password are needed to sign in.');
	const auth = await client.login({ email, password, ...(values.otp ? { otp: values.otp } : {}) }, { mode: 'json' });
	saveProfile(ctx.profile, { url, mode: 'json', auth });
	ctx.output.print({ url, email, expires: auth.expires }, () => `Signed in to ${url} as ${email}.`);
}

export async function logout(args: string[]): Promise<void> {
	const { values } = parse(args, {});
	const ctx = contextFor(values);
	try {
		await ctx.client().logout();
	} finally {
		saveProfile(ctx.profile, null);
	}
	ctx.output.print({ signedOut: true }, () => 'Signed out.');
}
