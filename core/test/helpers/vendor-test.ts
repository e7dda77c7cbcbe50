import test, { type ExecutionContext } from 'ava';
import { createTestDatabase, vendorTargets, type TestDatabase } from './databases.js';

const targets = await vendorTargets();

/**
 * Registers one test per database in TEST_DB, titled `[vendor] title`, each with a fresh empty
 * database that is dropped afterwards. Absent services are skipped (or fail, with REQUIRE_SERVICES=1).
 */
export function vendorTest(title: string, body: (t: ExecutionContext, db: TestDatabase) => Promise<void>): void {
	for (const { vendor, skip } of targets) {
		const name = `[${vendor}] ${title}`;
		if (skip) {
			test.skip(name, () => {});
			continue;
		}
		test(name, async (t) => {
			const db = await createTestDatabase(vendor);
			try {
				await body(t, db);
			} finally {
				await db.drop();
			}
		});
	}
}
