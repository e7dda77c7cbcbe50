# syntax=docker/dockerfile:1
# Mantle's kernel as an image: `docker compose up` (see docker-compose.yml) runs three of them
# behind Caddy on one PostgreSQL and one Redis.

# Build: all dependencies (better-sqlite3 and isolated-vm compile from source, ~3 min), then the
# esbuild pass that writes every workspace's dist/ and the Studio bundle.
FROM node:20-bookworm AS build
RUN apt-get update \
	&& apt-get install -y --no-install-recommends python3 make g++ \
	&& rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && node scripts/build.mjs --quiet && npm prune --omit=dev --no-audit --no-fund

# Run: the built tree and its production dependencies only, as the unprivileged `node` user.
FROM node:20-bookworm-slim AS run
ENV NODE_ENV=production \
	HOST=0.0.0.0 \
	PORT=8055 \
	EXTENSIONS_PATH=/app/data/extensions \
	STORAGE_LOCAL_ROOT=/app/data/uploads \
	DB_FILENAME=/app/data/mantle.db
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data/extensions /app/data/uploads && chown -R node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8055
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
	CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8055) + '/server/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# SIGTERM (docker stop) lets requests in flight finish within SHUTDOWN_TIMEOUT, then exits.
STOPSIGNAL SIGTERM
CMD ["node", "core/dist/cli/main.js", "start"]
