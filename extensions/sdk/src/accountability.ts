/** Who is calling: travels with every request and every call into the data engine. */
export interface Accountability {
	user: string | null;
	role: string | null;
	roles: string[];
	policies: string[];
	admin: boolean;
	app: boolean;
	ip: string | null;
	userAgent?: string;
}
