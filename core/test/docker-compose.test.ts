import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { loadConfig } from '../src/config/index.js';
import { repositoryRoot } from './helpers/cli.js';

// Docker cannot run on these machines: the compose file, the Caddyfile and the Dockerfile are
// checked for structure and for agreeing with each other and with Mantle's configuration.

const read = (file: string) => readFileSync(path.join(repositoryRoot, file), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as Compose;

interface Service {
	image?: string;
	build?: string;
	command?: string[];
	environment?: Record<string, string>;
	depends_on?: string[] | Record<string, { condition: string }>;
	volumes?: string[];
	ports?: string[];
}
interface Compose {
	services: Record<string, Service>;
	volumes?: Record<string, unknown>;
}

const stringList = { type: 'array', items: { type: 'string' } };
/** The subset of the Compose specification this file uses; anything else is a typo until proven otherwise. */
const composeSchema = {
	type: 'object',
	required: ['services'],
	patternProperties: { '^x-': {} },
	properties: {
		services: {
			type: 'object',
			minProperties: 1,
			additionalProperties: {
				type: 'object',
				additionalProperties: false,
				anyOf: [{ required: ['image'] }, { required: ['build'] }],
				properties: {
					image: { type: 'string' },
					build: { type: 'string' },
					command: stringList,
					restart: { enum: ['no', 'always', 'on-failure', 'unless-stopped'] },
					environment: { type: 'object', additionalProperties: { type: 'string' } },
					ports: { type: 'array', items: { type: 'string', pattern: '^\\d+:\\d+$' } },
					volumes: { type: 'array', items: { type: 'string', pattern: '^[\\w./-]+:/[\\w./-]+(:ro)?$' } },
					depends_on: {
						oneOf: [
							stringList,
							{
								type: 'object',
								additionalProperties: {
									type: 'object',
									required: ['condition'],
									properties: { condition: { enum: ['service_started', 'service_healthy', 'service_completed_successfully'] } },
								},
							},
						],
					},
					healthcheck: {
						type: 'object',
						additionalProperties: false,
						required: ['test'],
						properties: {
							test: stringList,
							interval: { type: 'string', pattern: '^\\d+(ms|s|m)$' },
							timeout: { type: 'string', pattern: '^\\d+(ms|s|m)$' },
							retries: { type: 'integer', minimum: 1 },
						},
					},
				},
			},
		},
		volumes: { type: 'object', additionalProperties: { type: ['object', 'null'] } },
	},
	additionalProperties: false,
};

const kernels = Object.entries(compose.services).filter(([name]) => /^mantle-\d+$/.test(name));
const dependencies = (service: Service) => (Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {}));

/** `${NAME:-default}` as its default, `${NAME:?message}` (required) as a sample value. */
function interpolate(value: string): string {
	return value.replace(
		/\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g,
		(_, name: string, fallback?: string) => fallback ?? `sample-${name.toLowerCase()}-value-0123456789`,
	);
}

test('docker-compose.yml has the structure Compose expects, for every key it uses', (t) => {
	const ajv = new Ajv({ allErrors: true });
	const valid = ajv.validate(composeSchema, compose);
	t.true(valid, ajv.errorsText(ajv.errors));
});

test('three kernels share one PostgreSQL and one Redis, behind the proxy, after a single bootstrap', (t) => {
	t.is(kernels.length, 3);
	for (const [name, service] of kernels) {
		t.is(service.environment?.DB_HOST, 'postgres', name);
		t.is(service.environment?.REDIS, 'redis://redis:6379', name);
		t.deepEqual(service.depends_on, { bootstrap: { condition: 'service_completed_successfully' }, redis: { condition: 'service_healthy' } }, name);
		t.is(service.ports, undefined, `${name} is reached only through the proxy`);
	}
	t.deepEqual(compose.services.bootstrap!.command, ['node', 'core/dist/cli/main.js', 'bootstrap']);
	for (const [name, service] of Object.entries(compose.services)) {
		for (const dependency of dependencies(service)) t.truthy(compose.services[dependency], `${name} depends on ${dependency}, which is defined`);
		for (const volume of service.volumes ?? []) {
			const source = volume.split(':')[0]!;
			if (source.startsWith('.')) t.notThrows(() => read(source), `${name} mounts ${source}, which exists`);
			else t.true(source in (compose.volumes ?? {}), `${name} mounts the named volume ${source}, which is declared`);
		}
	}
	t.deepEqual(compose.services.proxy!.ports, ['8055:80']);
});

test('each kernel’s environment is a configuration Mantle accepts, with the cache and rate limits in Redis', (t) => {
	for (const [name, service] of kernels) {
		const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(value)]));
		const config = loadConfig({ env, cwd: '/nonexistent' });
		t.is(config.database.client, 'pg', name);
		t.deepEqual([config.cache.enabled, config.cache.store], [true, 'redis'], name);
		t.is(config.rateLimiter.store, 'redis', name);
	}
});

test('the Caddyfile balances over exactly the compose file’s kernels, on their port', (t) => {
	const upstreams = /reverse_proxy\s+([^{\n]+)\{/.exec(read('docker/Caddyfile'))?.[1]?.trim().split(/\s+/);
	t.deepEqual(
		upstreams,
		kernels.map(([name]) => `${name}:8055`),
	);
	t.regex(read('docker/Caddyfile'), /health_uri \/server\/ping/);
});

test('the Dockerfile builds in one node:20 stage with npm ci and runs the CLI as a non-root user in another', (t) => {
	const dockerfile = read('Dockerfile');
	const stages = [...dockerfile.matchAll(/^FROM (\S+) AS (\w+)$/gm)].map((match) => [match[1], match[2]]);
	t.deepEqual(stages, [
		['node:20-bookworm', 'build'],
		['node:20-bookworm-slim', 'run'],
	]);
	t.regex(dockerfile, /RUN npm ci\b.*node scripts\/build\.mjs/);
	t.regex(dockerfile, /COPY --from=build/);
	const run = dockerfile.slice(dockerfile.indexOf('AS run'));
	t.regex(run, /^USER node$/m);
	t.regex(run, /^CMD \["node", "core\/dist\/cli\/main\.js", "start"\]$/m);
});
