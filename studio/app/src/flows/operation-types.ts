import type { OptionField } from '@mantle/extensions-sdk';
import { api } from '../lib/api.js';

/** An installed operation type, as the kernel lists it from the loaded operation extensions. */
export interface OperationType {
	id: string;
	name: string;
	extension: string;
	/** The schema the options form is drawn from; null when the extension declares none. */
	options: OptionField[] | null;
}

let loading: Promise<OperationType[]> | undefined;

/** Asked once per page: operation types change only when extensions are installed or removed. */
export function loadOperationTypes(): Promise<OperationType[]> {
	loading ??= api.get<OperationType[]>('/flows/operation-types').catch((error) => {
		loading = undefined;
		throw error;
	});
	return loading;
}
