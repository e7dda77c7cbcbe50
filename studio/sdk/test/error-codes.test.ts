import test from 'ava';
import { errorCodes, type ErrorCode as HostErrorCode } from '@mantle/extensions-sdk';
import type { ApiErrorCode } from '../src/index.js';

// Compile-time: the SDK's code list and the host's are the same set (`npm run typecheck` fails otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<ApiErrorCode, HostErrorCode> = true;

test('the SDK knows every error code the host can answer with', (t) => {
	t.true(same);
	t.true(errorCodes.length > 0);
});
