export function Access({ path }: { path: string }) {
	return <h1>Access {path}</h1>;
}
