import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cliEntry = path.join(repositoryRoot, 'core/dist/cli/main.js');

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** The environment a CLI run sees: only what the test gives it, so the developer's own .env or DB_* cannot leak in. */
function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
	return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env };
}

/** Runs the built `mantle` CLI (npm test builds it first) and waits for it to exit. */
export function runCli(args: string[], { env = {}, cwd, input }: { env?: Record<string, string>; cwd: string; input?: string }): Promise<CliResult> {
	return runNode(cliEntry, args, { cwd, env: cliEnv(env), input });
}

/** Runs a Node script with exactly the environment given and collects what it printed. */
export function runNode(entry: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<CliResult> {
	return runCommand(process.execPath, [entry, ...args], options);
}

/** Runs a command with exactly the environment given (no developer .env or .npmrc leaks in), feeds it `input` and collects what it printed. */
export function runCommand(command: string, args: string[], { cwd, env, input }: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.once('error', reject);
		child.once('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(input ?? '');
	});
}

/** Starts `mantle start` and resolves once it prints that it listens; the caller stops it. */
export function startCli({
	env = {},
	cwd,
}: {
	env?: Record<string, string>;
	cwd: string;
}): Promise<{ child: ChildProcess; output: () => string; url: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliEntry, 'start'], { cwd, env: cliEnv(env) });
		let output = '';
		const timer = setTimeout(() => reject(new Error(`mantle start did not report listening within 90 s:\n${output}`)), 90_000);
		const onData = (chunk: Buffer) => {
			output += chunk;
			const match = /listening on (\S+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve({ child, output: () => output, url: match[1]! });
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`mantle start exited with ${code}:\n${output}`));
		});
	});
}

export function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A port nothing listens on right now, for processes that must print their real URL. */
export async function freePort(): Promise<number> {
	const net = await import('node:net');
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}
