#!/usr/bin/env bash
# Fails when generated artefacts no longer match their sources: SQL migrations vs the Drizzle
# schema, docs/openapi.json vs the routes, and the web's typed client vs docs/openapi.json.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd apps/server && npx drizzle-kit check >/dev/null && npx drizzle-kit generate --name drift >/dev/null)
(cd apps/server && npx tsx src/openapi.ts >/dev/null)
npm run gen:api -w @fangkong/web >/dev/null
GENERATED="apps/server/src/db/migrations docs/openapi.json apps/web/src/api/schema.gen.ts"
if [ -n "$(git status --porcelain -- $GENERATED)" ]; then
  echo "Generated files drifted from their sources (commit the output of 'npm run db:generate -w @fangkong/server', 'npm run openapi -w @fangkong/server' and 'npm run gen:api -w @fangkong/web'):"
  git status --porcelain -- $GENERATED
  git diff --stat -- docs/openapi.json
  exit 1
fi
echo "no drift: migrations, the OpenAPI document and the web client match their sources"
