import { useEffect } from 'preact/hooks';

const added = new Set<string>();

/**
 * Adds a module's style sheet to the page the first time one of its components draws. The shared
 * styles.css is loaded with the shell; the rules of lazily loaded modules come with their code.
 */
export function useStyles(id: string, css: string): void {
	useEffect(() => {
		if (added.has(id)) return;
		added.add(id);
		const element = document.createElement('style');
		element.dataset.module = id;
		element.textContent = css;
		document.head.append(element);
	}, []);
}
