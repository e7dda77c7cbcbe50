/** Placeholder until the module lands. */
export default function Page({ path }: { path: string }) {
	return <p class="muted">{path}</p>;
}
