import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { reportError } from './toasts.js';

export type LazyPage<Props> = FunctionComponent<Props> & {
	/** Starts fetching the page's code now, e.g. while a deep link to it is still signing in. */
	preload(): Promise<FunctionComponent<Props>>;
};

/**
 * A page whose code is fetched the first time it is shown (esbuild splits each dynamic import into
 * its own chunk), so pages only admins open do not weigh on everyone's first load.
 */
export function lazyPage<Props extends object>(load: () => Promise<FunctionComponent<Props>>): LazyPage<Props> {
	let loaded: FunctionComponent<Props> | undefined;
	let pending: Promise<FunctionComponent<Props>> | undefined;
	const preload = () =>
		(pending ??= load().then(
			(component) => (loaded = component),
			(error) => {
				pending = undefined;
				throw error;
			},
		));
	function Page(props: Props) {
		const [Component, setComponent] = useState(() => loaded);
		useEffect(() => {
			if (!Component) preload().then((component) => setComponent(() => component), reportError);
		}, []);
		return Component ? (
			<Component {...props} />
		) : (
			<p class="muted" aria-busy="true">
				Loading…
			</p>
		);
	}
	return Object.assign(Page, { preload });
}
