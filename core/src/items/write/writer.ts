import { createItems } from './create.js';
import { deleteItems } from './delete.js';
import type { Writer } from './session.js';
import { updateItems } from './update.js';

/** The writes a nested write calls back into, given to it through its context. */
export const writer: Writer = { create: createItems, update: updateItems, remove: deleteItems };
