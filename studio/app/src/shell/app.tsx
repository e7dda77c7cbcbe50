import { useEffect, useState } from 'preact/hooks';
import { loadExtensions, loadRestWhenIdle } from '../lib/extensions.js';
import { match, navigate, useLocation } from '../lib/router.js';
import { collectionOf, loadSchema, schema } from '../lib/schema.js';
import { loadMe, loadProject, me } from '../lib/session.js';
import { useStore } from '../lib/store.js';
import { reportError } from '../lib/toasts.js';
import { prefetchBrowse } from '../content/browse-state.js';
import { Browse } from '../content/browse.js';
import { Editor } from '../content/editor.js';
import { Files } from '../files/files.js';
import { lazyPage } from '../lib/lazy.js';
import { InsightsModule, SettingsModule } from '../settings-pages/routes.js';
import { Login } from './login.js';
import { ModuleBar } from './module-bar.js';
import { Navigation } from './navigation.js';
import { Toasts } from './toasts.js';

/** Everything a signed-in page needs before it draws: data model, extensions, project. */
async function loadWorkspace(): Promise<void> {
	await Promise.all([loadSchema(), loadExtensions(['layout', 'display']), loadProject()]);
	loadRestWhenIdle();
}

export function App() {
	const location = useLocation();
	const user = useStore(me);
	const [ready, setReady] = useState<'booting' | 'in' | 'out'>('booting');

	useEffect(() => {
		// Asked together: a signed-in user (the usual case) waits for one round of requests, not two.
		const workspace = loadWorkspace();
		const signedIn = loadMe();
		const deepLink = match('/content/:collection', location.path);
		if (deepLink) prefetchBrowse(deepLink.collection!, location.search, signedIn.then(Boolean));
		signedIn.then(async (found) => {
			if (!found) return setReady('out');
			if (location.path.startsWith('/settings/data-model')) void DataModel.preload().catch(() => undefined);
			await workspace.catch(reportError);
			setReady('in');
		});
	}, []);

	useEffect(() => {
		if (ready === 'out' && location.path !== '/login') {
			const redirect =
				location.path === '/' ? '' : `?redirect=${encodeURIComponent('/admin' + location.path + (location.search.size ? `?${location.search}` : ''))}`;
			navigate(`/login${redirect}`, { replace: true });
		}
		if (ready === 'in' && (location.path === '/' || location.path === '/login')) {
			// Back to the deep link that sent the user to sign in; only ever a Studio path.
			const redirect = location.search.get('redirect');
			navigate(redirect && redirect.startsWith('/admin/') && !redirect.startsWith('/admin//') ? redirect : '/content', { replace: true });
		}
	}, [ready, location.path]);

	useEffect(() => {
		if (ready === 'in' && !user) setReady('out');
	}, [user]);

	if (ready === 'booting') return <div class="boot" aria-busy="true" aria-label="Loading" />;
	if (ready === 'out' || !user) {
		return (
			<>
				<Login
					onSignedIn={async () => {
						await loadWorkspace();
						setReady('in');
					}}
				/>
				<Toasts />
			</>
		);
	}
	return (
		<div class="shell">
			<a class="skip-link" href="#main">
				Skip to content
			</a>
			<ModuleBar path={location.path} />
			<Routes path={location.path} />
			<Toasts />
		</div>
	);
}

// Admin-only pages, each its own chunk fetched on first visit.
const DataModel = lazyPage(() => import('../data-model/index.js').then((module) => module.DataModel));
const Access = lazyPage(() => import('../access/index.js').then((module) => module.Access));

function Routes({ path }: { path: string }) {
	const model = useStore(schema);
	let params: Record<string, string> | null;
	if ((params = match('/content/:collection/:id', path))) {
		return (
			<Page nav={<Navigation active={params.collection!} />}>
				<Editor key={`${params.collection}/${params.id}`} collection={params.collection!} id={params.id!} />
			</Page>
		);
	}
	if ((params = match('/content/:collection', path))) {
		const singleton = collectionOf(params.collection!, model)?.meta?.singleton;
		return (
			<Page nav={<Navigation active={params.collection!} />}>
				{singleton ? (
					<Editor key={params.collection} collection={params.collection!} id="" singleton />
				) : (
					<Browse key={params.collection} collection={params.collection!} />
				)}
			</Page>
		);
	}
	if (match('/content', path))
		return (
			<Page nav={<Navigation />}>
				<Empty text="Pick a collection on the left." />
			</Page>
		);
	if (match('/settings/data-model/*', path) || match('/settings/data-model', path))
		return (
			<Page>
				<DataModel path={path} />
			</Page>
		);
	if (
		path === '/users' ||
		['/settings/roles', '/settings/policies', '/settings/effective-permissions'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
	)
		return (
			<Page>
				<Access path={path} />
			</Page>
		);
	if ((params = match('/users/:id', path)))
		return (
			<Page>
				<Editor key={params.id} collection="directus_users" id={params.id!} />
			</Page>
		);
	if (match('/users', path))
		return (
			<Page>
				<Browse key="users" collection="directus_users" base="/users" />
			</Page>
		);
	if (match('/files/*', path) || match('/files', path))
		return (
			<Page>
				<Files path={path} />
			</Page>
		);
	if (match('/settings/*', path) || match('/settings', path))
		return (
			<Page>
				<SettingsModule path={path} />
			</Page>
		);
	if (match('/insights/*', path) || match('/insights', path))
		return (
			<Page>
				<InsightsModule path={path} />
			</Page>
		);
	return (
		<Page>
			<Empty text="There is no page here." />
		</Page>
	);
}

function Page({ nav, children }: { nav?: preact.ComponentChildren; children: preact.ComponentChildren }) {
	return (
		<>
			{nav}
			<main id="main" class="page" tabIndex={-1}>
				{children}
			</main>
		</>
	);
}

function Empty({ text }: { text: string }) {
	return <p class="empty">{text}</p>;
}
