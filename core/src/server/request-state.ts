/** What the dispatcher leaves on a Hapi request (`request.app`) for the response listeners. */
export interface DispatchedRequestState {
	/** The matched extension route's path as registered (`/items/:collection`), the metrics' route label. */
	routePath?: string;
}
