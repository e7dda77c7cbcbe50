import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { reportError } from './toasts.js';

/**
 * A page whose code is fetched the first time it is shown (esbuild splits each dynamic import into
 * its own chunk), so pages only admins open do not weigh on everyone's first load.
 */
export function lazyPage<Props extends object>(load: () => Promise<FunctionComponent<Props>>): FunctionComponent<Props> {
	let loaded: FunctionComponent<Props> | undefined;
	let pending: Promise<FunctionComponent<Props>> | undefined;
	return function LazyPage(props: Props) {
		const [Component, setComponent] = useState(() => loaded);
		useEffect(() => {
			if (Component) return;
			pending ??= load().then(
				(component) => (loaded = component),
				(error) => {
					pending = undefined;
					throw error;
				},
			);
			pending.then((component) => setComponent(() => component), reportError);
		}, []);
		return Component ? (
			<Component {...props} />
		) : (
			<p class="muted" aria-busy="true">
				Loading…
			</p>
		);
	};
}
