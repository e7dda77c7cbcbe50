import { AsyncLocalStorage } from 'node:async_hooks';

/** The request being served, visible to everything it calls (extension loggers included). */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();
