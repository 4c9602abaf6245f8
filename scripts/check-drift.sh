#!/usr/bin/env bash
# Fails when generated artefacts no longer match their sources: SQL migrations vs the Drizzle
# schema, and docs/openapi.json vs the routes.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd apps/server && npx drizzle-kit check >/dev/null && npx drizzle-kit generate --name drift >/dev/null)
(cd apps/server && npx tsx src/openapi.ts >/dev/null)
if [ -n "$(git status --porcelain -- apps/server/src/db/migrations docs/openapi.json)" ]; then
  echo "Generated files drifted from their sources (commit the output of 'npm run db:generate -w @fangkong/server' and 'npm run openapi -w @fangkong/server'):"
  git status --porcelain -- apps/server/src/db/migrations docs/openapi.json
  git diff --stat -- docs/openapi.json
  exit 1
fi
echo "no drift: migrations and OpenAPI document match their sources"
