import { triggerFlow } from '../../commands/flows.js';
import { contextFor, jsonArgument, parse, required, UsageError } from '../context.js';

export const flowsUsage = 'mantle-client flows trigger ID [--data JSON] [--get]';

export async function flows(args: string[]): Promise<void> {
	const { values, positionals } = parse(args, { data: { type: 'string' }, get: { type: 'boolean', default: false } });
	const ctx = contextFor(values);
	const [action, id] = positionals;
	if (action !== 'trigger') throw new UsageError(`Usage:\n${flowsUsage}`);
	const result = await ctx.client().request(triggerFlow(required(id, 'the flow id'), values.get ? 'GET' : 'POST', jsonArgument('data', values.data)));
	ctx.output.print(result, () => (typeof result === 'string' ? result : JSON.stringify(result, null, 2)));
}
