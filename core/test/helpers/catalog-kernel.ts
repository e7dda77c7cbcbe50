import type { TestDatabase } from './databases.js';
import { startKernel } from './kernel.js';
import { createCatalog, seedCatalog } from './catalog.js';

/** A kernel on `db` with the catalogue created and seeded, stopped once `body` settles. */
export async function withCatalogKernel(db: TestDatabase, body: (url: string) => Promise<void>): Promise<void> {
	const running = await startKernel(db);
	try {
		await createCatalog(running.url);
		await seedCatalog(running.url);
		await body(running.url);
	} finally {
		await running.stop();
	}
}
