/** A problem the user can fix; the CLI prints each message and exits with 1, without a stack. */
export class CliError extends Error {
	override name = 'CliError';
	readonly problems: string[];

	constructor(problems: string | string[]) {
		const list = Array.isArray(problems) ? problems : [problems];
		super(list.join('\n'));
		this.problems = list;
	}
}
