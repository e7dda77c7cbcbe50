export function uploadGenerated<Body = unknown>(
	url: string,
	size: number,
	options: { token: string; filename?: string },
): Promise<{ status: number; body: Body; sha256: string }>;
