import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { notify, reportError } from '../lib/toasts.js';
import { DataTable } from '../lib/list-page.js';

interface Preset {
	key: string;
	fit: 'cover' | 'contain' | 'inside' | 'outside';
	width: number | null;
	height: number | null;
	quality: number | null;
	format: '' | 'jpeg' | 'png' | 'webp' | 'avif' | 'tiff';
	withoutEnlargement: boolean;
}

interface FileSettings {
	storage_asset_transform?: 'all' | 'none' | 'presets';
	storage_asset_presets?: Preset[] | null;
}

const blank = (): Preset => ({ key: '', fit: 'cover', width: null, height: null, quality: 80, format: '', withoutEnlargement: false });
const numberOrNull = (text: string) => (text === '' ? null : Number(text));

/** Which image transforms `/assets` allows, and the named presets a URL can ask for (`?key=thumbnail`). */
export function AssetPresetsPage() {
	const [values, setValues] = useState<FileSettings | null>(null);
	useEffect(() => {
		api.get<FileSettings>('/settings', { fields: ['storage_asset_transform', 'storage_asset_presets'] }).then(setValues, (error) => {
			reportError(error);
			setValues({});
		});
	}, []);
	if (!values) return <p class="muted">Loading…</p>;
	const presets = values.storage_asset_presets ?? [];
	const setPreset = (index: number, change: Partial<Preset>) =>
		setValues({ ...values, storage_asset_presets: presets.map((preset, at) => (at === index ? { ...preset, ...change } : preset)) });

	async function save(event: Event) {
		event.preventDefault();
		try {
			const cleaned = presets.map(({ format, ...preset }) => ({ ...preset, ...(format ? { format } : {}) }));
			await api.patch('/settings', { storage_asset_transform: values!.storage_asset_transform ?? 'all', storage_asset_presets: cleaned });
			notify('Settings saved.', 'success');
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<form class="form-grid" onSubmit={save} aria-labelledby="assets-title">
			<h1 id="assets-title" class="width-full">
				Files &amp; Assets
			</h1>
			<label class="field width-half">
				Allowed transformations
				<select
					value={values.storage_asset_transform ?? 'all'}
					onChange={(e) => setValues({ ...values, storage_asset_transform: e.currentTarget.value as FileSettings['storage_asset_transform'] })}
				>
					<option value="all">Any</option>
					<option value="presets">Presets only</option>
					<option value="none">None</option>
				</select>
			</label>
			<DataTable
				class="table width-full"
				label="Asset presets"
				columns={['Key', 'Fit', 'Width', 'Height', 'Quality', 'Format', 'No enlargement']}
				hiddenColumn="Remove"
			>
				{presets.map((preset, index) => (
					<tr key={index}>
						<td>
							<input aria-label="Key" required pattern="[a-z0-9_-]+" value={preset.key} onInput={(e) => setPreset(index, { key: e.currentTarget.value })} />
						</td>
						<td>
							<select aria-label="Fit" value={preset.fit} onChange={(e) => setPreset(index, { fit: e.currentTarget.value as Preset['fit'] })}>
								{['cover', 'contain', 'inside', 'outside'].map((fit) => (
									<option key={fit}>{fit}</option>
								))}
							</select>
						</td>
						<td>
							<input
								aria-label="Width"
								type="number"
								min={1}
								value={preset.width ?? ''}
								onInput={(e) => setPreset(index, { width: numberOrNull(e.currentTarget.value) })}
							/>
						</td>
						<td>
							<input
								aria-label="Height"
								type="number"
								min={1}
								value={preset.height ?? ''}
								onInput={(e) => setPreset(index, { height: numberOrNull(e.currentTarget.value) })}
							/>
						</td>
						<td>
							<input
								aria-label="Quality"
								type="number"
								min={1}
								max={100}
								value={preset.quality ?? ''}
								onInput={(e) => setPreset(index, { quality: numberOrNull(e.currentTarget.value) })}
							/>
						</td>
						<td>
							<select aria-label="Format" value={preset.format} onChange={(e) => setPreset(index, { format: e.currentTarget.value as Preset['format'] })}>
								<option value="">Same as the source</option>
								{['jpeg', 'png', 'webp', 'avif', 'tiff'].map((format) => (
									<option key={format}>{format}</option>
								))}
							</select>
						</td>
						<td>
							<input
								aria-label="No enlargement"
								type="checkbox"
								checked={preset.withoutEnlargement}
								onChange={(e) => setPreset(index, { withoutEnlargement: e.currentTarget.checked })}
							/>
						</td>
						<td>
							<button type="button" class="danger" onClick={() => setValues({ ...values, storage_asset_presets: presets.filter((_, at) => at !== index) })}>
								Remove
							</button>
						</td>
					</tr>
				))}
			</DataTable>
			<div class="row width-full">
				<button type="button" onClick={() => setValues({ ...values, storage_asset_presets: [...presets, blank()] })}>
					Add preset
				</button>
				<button type="submit" class="primary">
					Save
				</button>
			</div>
		</form>
	);
}
