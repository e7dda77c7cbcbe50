/**
 * What a sandboxed extension asks to be allowed, in words an admin can judge: each scope with
 * its limits (URLs and methods, collections and actions).
 */
export function ScopeList({ scopes, label }: { scopes: Record<string, unknown>; label: string }) {
	const entries = Object.entries(scopes ?? {});
	if (entries.length === 0) return <p class="muted">Asks for no permission: it can only compute on what it is given.</p>;
	return (
		<ul class="scope-list" aria-label={label}>
			{entries.map(([scope, limits]) => (
				<li key={scope}>
					<strong>{describe(scope)}</strong>
					{limitsOf(limits).map((line) => (
						<span key={line} class="muted">
							{' '}
							— {line}
						</span>
					))}
				</li>
			))}
		</ul>
	);
}

const names: Record<string, string> = {
	request: 'Make HTTP requests',
	items: 'Read or change items',
	log: 'Write to the server log',
	sleep: 'Wait',
	env: 'Read environment variables',
	mail: 'Send mail',
	files: 'Read or write files',
};

function describe(scope: string): string {
	return names[scope] ? `${names[scope]} (${scope})` : scope;
}

function limitsOf(limits: unknown): string[] {
	if (!limits || typeof limits !== 'object') return [];
	return Object.entries(limits as Record<string, unknown>).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : JSON.stringify(value)}`);
}
