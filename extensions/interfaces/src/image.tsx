import { defineInterface } from '@mantle/extensions-sdk';
import { SingleFile } from './file.js';
import type { FileRow } from './upload.js';

export default defineInterface<string | FileRow>({
	id: 'file-image',
	name: 'Image',
	icon: 'insert_photo',
	group: 'relational',
	types: ['uuid'],
	component: (props) => <SingleFile {...props} accept="image/*" />,
});
