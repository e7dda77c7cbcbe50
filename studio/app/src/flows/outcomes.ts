/**
 * The two ways an operation ends, in the designer's words: the canvas's buttons that add the next
 * operation, and the editor's fields that choose it.
 */
export const outcomes = {
	resolve: { when: 'succeeds', add: '+ on success', next: 'On success, continue with', none: 'Nothing (the run ends)' },
	reject: { when: 'fails', add: '+ on failure', next: 'On failure, continue with', none: 'Nothing (the run fails)' },
} as const;

export type Outcome = keyof typeof outcomes;
