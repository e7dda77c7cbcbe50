import test from 'ava';
import { parseRange } from '../src/assets/http-headers.js';
import { requestedTransformation } from '../src/assets/transformation.js';
import { toErrorBody, type MantleError } from '../src/errors/index.js';
import { checkRange, objectNotFound } from '../src/storage/keys.js';

const maxDimension = 6000;
const all = { mode: 'all' as const, presets: [] };

/** What a client reads: the status and the Directus error body. */
function refusal(act: () => unknown): { status: number; code: unknown; message: string } {
	try {
		act();
	} catch (error) {
		const { errors } = toErrorBody(error as MantleError);
		return { status: (error as MantleError).status, code: errors[0]!.extensions.code, message: errors[0]!.message };
	}
	throw new Error('expected a refusal');
}

test('asset parameters out of range or outside their choices are refused with 400 and a message naming the parameter', (t) => {
	t.deepEqual(
		refusal(() => requestedTransformation({ quality: '0' }, all, maxDimension)),
		{ status: 400, code: 'INVALID_QUERY', message: '"quality" must be a whole number from 1 to 100.' },
	);
	t.deepEqual(
		refusal(() => requestedTransformation({ fit: 'squash' }, all, maxDimension)),
		{ status: 400, code: 'INVALID_QUERY', message: '"fit" must be one of cover, contain, inside, outside.' },
	);
	t.deepEqual(
		refusal(() => requestedTransformation({ format: 'bmp' }, all, maxDimension)),
		{ status: 400, code: 'INVALID_QUERY', message: '"format" must be one of jpg, png, webp, avif, tiff or auto.' },
	);
	t.deepEqual(
		refusal(() => requestedTransformation({ width: '7000' }, all, maxDimension)),
		{ status: 400, code: 'ILLEGAL_ASSET_TRANSFORMATION', message: '"width" may not exceed 6000 pixels (ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION).' },
	);
});

test('a transforms list that is not JSON, too long, or names an unknown operation or resize option is refused with its reason', (t) => {
	const transforms = (value: unknown) => refusal(() => requestedTransformation({ transforms: JSON.stringify(value) }, all, maxDimension)).message;
	t.is(refusal(() => requestedTransformation({ transforms: '[[' }, all, maxDimension)).message, '"transforms" must be a JSON array such as [["blur", 10]].');
	t.is(transforms(Array.from({ length: 11 }, () => ['blur', 1])), '"transforms" must be an array of at most 10 operations.');
	t.is(transforms([{ blur: 1 }]), 'Each transform is an array: the operation name, then its arguments.');
	t.regex(transforms([['toFile', '/etc/passwd']]), /^The transform "toFile" is not allowed; allowed: .*blur/);
	t.regex(transforms([['resize', { width: 10, into: 'x' }]]), /^The transform "resize" has no option "into"; allowed: width, height, fit/);
	t.is(transforms([['resize', {}]]), 'The transform "resize" needs a width or a height.');
	t.is(transforms([['resize', 10, 10, { fit: 'squash' }]]), '"resize fit" must be one of cover, contain, inside, outside, fill.');
});

test('the storage_asset_transform setting refuses with 403, and a preset that is not configured with 400', (t) => {
	const none = { mode: 'none' as const, presets: [{ key: 'thumb', width: 10 }] };
	const presets = { mode: 'presets' as const, presets: [] };
	t.deepEqual(
		refusal(() => requestedTransformation({ width: '10' }, none, maxDimension)),
		{
			status: 403,
			code: 'FORBIDDEN',
			message: 'Asset transformations are disabled (storage_asset_transform).',
		},
	);
	t.is(refusal(() => requestedTransformation({ key: 'thumb' }, none, maxDimension)).message, 'Asset transformations are disabled (storage_asset_transform).');
	t.is(
		refusal(() => requestedTransformation({ width: '10' }, presets, maxDimension)).message,
		'Only transformation presets are allowed (storage_asset_transform).',
	);
	t.deepEqual(
		refusal(() => requestedTransformation({ key: 'poster' }, presets, maxDimension)),
		{
			status: 400,
			code: 'INVALID_QUERY',
			message: `Transformation preset "poster" isn't configured.`,
		},
	);
});

test('a byte range past the end of the file answers 416 naming the range and the size; a missing object stays a generic 404', (t) => {
	t.deepEqual(
		refusal(() => parseRange('bytes=100-', 10)),
		{
			status: 416,
			code: 'RANGE_NOT_SATISFIABLE',
			message: 'Requested range bytes=100- is not satisfiable for a 10-byte file.',
		},
	);
	t.is(refusal(() => checkRange({ start: 5, end: 2 })).message, 'Requested range 5-2 is not satisfiable.');
	const cause = new Error('ENOENT: /var/lib/mantle/uploads/secret-folder/a.png');
	const missing = objectNotFound(cause);
	t.deepEqual(toErrorBody(missing), { errors: [{ message: 'File not found.', extensions: { code: 'ROUTE_NOT_FOUND' } }] });
	t.is(missing.cause, cause, "the store's own error stays in the log, not in the answer");
});
