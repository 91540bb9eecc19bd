# tartip worker image. TEMPORAL_ADDRESS and DATABASE_URL must be set (see docker-compose.yml):
# with both set the main command starts neither the dev server nor an embedded PostgreSQL.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY statute ./statute
COPY workflows ./workflows
COPY activities ./activities
COPY worker ./worker
COPY client ./client
COPY migrations ./migrations
# the scenario files: the OpenAPI document's examples come from them
COPY examples ./examples
USER node
CMD ["node", "--import", "tsx", "worker/main.ts"]
