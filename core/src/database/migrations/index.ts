import type { SystemMigration } from './types.js';
import { systemTables } from './0001-system-tables.js';

export type { SystemMigration } from './types.js';

/** Every system migration, in order. New steps are appended, never edited once released. */
export const systemMigrations: readonly SystemMigration[] = [systemTables];
