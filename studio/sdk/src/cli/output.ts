// What the CLI prints: tables for people, JSON for scripts, and progress bars on stderr.

const width = 40;

function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	const flat = text.replace(/\s+/g, ' ');
	return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** Rows as an aligned text table, columns in the order the first rows name them. */
export function table(rows: Array<Record<string, unknown>>, columns?: string[]): string {
	if (rows.length === 0) return '(no rows)';
	const names = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cells = rows.map((row) => names.map((name) => cell(row[name])));
	const widths = names.map((name, index) => Math.max(name.length, ...cells.map((line) => line[index]!.length)));
	const line = (values: string[]) =>
		values
			.map((value, index) => value.padEnd(widths[index]!))
			.join('  ')
			.trimEnd();
	return [line(names), line(widths.map((size) => '-'.repeat(size))), ...cells.map(line)].join('\n');
}

/** One record as `key  value` lines. */
export function record(row: Record<string, unknown>): string {
	const keys = Object.keys(row);
	const pad = Math.max(0, ...keys.map((key) => key.length));
	return keys.map((key) => `${key.padEnd(pad)}  ${cell(row[key])}`).join('\n');
}

export interface Output {
	json: boolean;
	print(value: unknown, human?: () => string): void;
	/** A progress bar for a transfer of `total` bytes (0 when unknown). */
	progress(label: string): (loaded: number, total: number) => void;
}

export function createOutput(json: boolean, stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Output {
	return {
		json,
		print(value, human) {
			if (json) stdout.write(`${JSON.stringify(value ?? null, null, 2)}\n`);
			else stdout.write(`${human ? human() : typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
		},
		progress(label) {
			if (json) return () => undefined;
			// On a terminal the bar redraws in place; in a log it prints a line per tenth.
			let shown = -1;
			return (loaded, total) => {
				const ratio = total > 0 ? Math.min(1, loaded / total) : 0;
				const percent = Math.floor(ratio * 100);
				if (stderr.isTTY) {
					const filled = Math.round(ratio * 30);
					stderr.write(
						`\r${label} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${String(percent).padStart(3)}% ${loaded}/${total || '?'} bytes${ratio >= 1 ? '\n' : ''}`,
					);
				} else if (Math.floor(percent / 10) > shown) {
					shown = Math.floor(percent / 10);
					stderr.write(`${label} ${percent}% (${loaded}/${total || '?'} bytes)\n`);
				}
			};
		},
	};
}
