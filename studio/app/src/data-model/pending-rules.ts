import { useState } from 'preact/hooks';

/**
 * The filter builder keeps its rules to itself until "Apply filter" is pressed. A rule typed but
 * not applied would be lost on save without a word, and a permission saved without the row rule
 * its admin meant to add shows more than intended; so the editors track each builder's edits
 * (input and change events bubbling from it) and refuse to save while any is unapplied.
 */
export function usePendingRules() {
	const [pending, setPending] = useState<string[]>([]);
	const mark = (name: string, value: boolean) =>
		setPending((list) => (value ? (list.includes(name) ? list : [...list, name]) : list.filter((other) => other !== name)));
	return {
		/** Spread on the element around one builder. */
		watch: (name: string) => ({ onInput: () => mark(name, true), onChange: () => mark(name, true) }),
		/** Call from the builder's `onChange`: what it shows is now what will be saved. */
		applied: (name: string) => mark(name, false),
		/** A message naming the unapplied rules, or null. */
		problem: () => (pending.length ? `Press “Apply filter” under ${pending.join(' and ')} first, or clear the rules: they are not applied yet.` : null),
	};
}
