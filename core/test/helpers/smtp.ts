import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	from: string;
	to: string[];
	/** The raw message, headers and body, quoted-printable soft breaks undone. */
	raw: string;
}

export interface TestSmtpServer {
	port: number;
	/** The kernel's environment for sending mail through this server (from `mantle@example.com`). */
	env: Record<string, string>;
	mails: ReceivedMail[];
	/** Resolves with the next mail to arrive (or one that already has, not yet taken). */
	next(timeoutMs?: number): Promise<ReceivedMail>;
	close(): Promise<void>;
}

/** A local SMTP server on a free port that keeps every message, without TLS or authentication. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
	const mails: ReceivedMail[] = [];
	let taken = 0;
	const waiters: Array<() => void> = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks)
					.toString('utf8')
					.replace(/=\r?\n/g, '')
					.replace(/=3D/g, '=');
				mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
				waiters.splice(0).forEach((wake) => wake());
				callback();
			});
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as { port: number }).port;
	return {
		port,
		env: {
			EMAIL_TRANSPORT: 'smtp',
			EMAIL_SMTP_HOST: '127.0.0.1',
			EMAIL_SMTP_PORT: String(port),
			EMAIL_SMTP_IGNORE_TLS: 'true',
			EMAIL_FROM: 'mantle@example.com',
		},
		mails,
		async next(timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			while (taken >= mails.length) {
				if (Date.now() > deadline) throw new Error('no mail arrived');
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 200);
				});
			}
			return mails[taken++]!;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
