export function DataModel({ path }: { path: string }) {
	return <h1>Data Model {path}</h1>;
}
