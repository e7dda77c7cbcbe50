import { createStore, useStore } from './store.js';

export const base = '/admin';

/** The path below `/admin` and the query string, e.g. `/content/articles` and `?page=2`. */
export interface Location {
	path: string;
	search: URLSearchParams;
}

function current(): Location {
	const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) || '/' : '/';
	return { path, search: new URLSearchParams(location.search) };
}

const store = createStore<Location>(current());
let guard: (() => boolean) | undefined;

/** An editor with unsaved changes asks before the user leaves it; `guard` returns true to stay. */
export function setLeaveGuard(next: (() => boolean) | undefined): void {
	guard = next;
}

export function navigate(to: string, { replace = false } = {}): void {
	if (guard?.()) return;
	const url = to.startsWith(base) ? to : base + to;
	if (replace) history.replaceState(null, '', url);
	else history.pushState(null, '', url);
	store.set(current());
	window.scrollTo(0, 0);
}

let shown = location.pathname + location.search;
addEventListener('popstate', () => {
	if (guard?.()) {
		// Back or forward away from unsaved changes the user chose to keep: stay where we were.
		history.pushState(null, '', shown);
		return;
	}
	store.set(current());
});
store.subscribe(() => {
	shown = location.pathname + location.search;
});

export function useLocation(): Location {
	return useStore(store);
}

/** Matches `/content/:collection/:id` style patterns; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
	const want = pattern.split('/').filter(Boolean);
	const have = path.split('/').filter(Boolean);
	const wildcard = want[want.length - 1] === '*';
	if (wildcard ? have.length < want.length - 1 : have.length !== want.length) return null;
	const params: Record<string, string> = {};
	for (const [index, part] of want.entries()) {
		if (part === '*') break;
		const value = have[index]!;
		if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
		else if (part !== value) return null;
	}
	return params;
}

/** Links are real anchors (open in a new tab, copy) that navigate in place on a plain click. */
export function onLinkClick(event: MouseEvent): void {
	const anchor = (event.target as Element).closest?.('a');
	if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || anchor.target) return;
	const href = anchor.getAttribute('href');
	if (!href || !href.startsWith(base)) return;
	event.preventDefault();
	navigate(href);
}
