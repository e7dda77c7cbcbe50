/** The kernel's Prometheus metrics, offered to trusted extensions (the first-party `/metrics`). */
export interface MetricsCapability {
	/** `METRICS_ENABLED`: when off, the endpoint answers as if it did not exist. */
	readonly enabled: boolean;
	/** Whether the bearer token is one of `METRICS_TOKENS` (compared in constant time). */
	tokenAllowed(token: string | undefined): boolean;
	/** Every metric in the Prometheus text exposition format. */
	render(): Promise<{ contentType: string; body: string }>;
}
