import type { Logger } from 'pino';
import type { EmailConfig } from '../config/index.js';
import { createError } from '../errors/index.js';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html?: string;
}

export interface Mailer {
	send(message: MailMessage): Promise<void>;
	close(): void;
}

/**
 * Sends mail through the configured transport (EMAIL_TRANSPORT). The transport is created on
 * the first message, so a kernel that never mails needs no mail server. Password resets,
 * invitations and flows all send through this one mailer.
 */
export function createMailer(config: EmailConfig, logger: Logger): Mailer {
	let transport: import('nodemailer').Transporter | undefined;
	const transporter = async () => {
		if (transport) return transport;
		const nodemailer = (await import('nodemailer')).default;
		if (config.transport === 'sendmail') {
			transport = nodemailer.createTransport({ sendmail: true, newline: 'unix' });
		} else {
			if (!config.smtp.host) throw createError('noMailServer');
			const { host, port, secure, ignoreTls, user, password } = config.smtp;
			transport = nodemailer.createTransport({ host, port, secure, ignoreTLS: ignoreTls, ...(user ? { auth: { user, pass: password ?? '' } } : {}) });
		}
		return transport;
	};
	return {
		async send(message) {
			const sender = await transporter();
			await sender.sendMail({ from: config.from, ...message });
			logger.debug({ to: message.to, subject: message.subject }, 'mail sent');
		},
		close() {
			transport?.close();
		},
	};
}

/** A link with `token` added to its query, keeping the query it already has. */
export function linkWithToken(base: string, token: string): string {
	const url = new URL(base);
	url.searchParams.set('token', token);
	return url.toString();
}

/** Minimal escaping for values placed in the HTML body of a message. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
