#!/usr/bin/env bash
# What both quick-start commands need first: services on 127.0.0.1, dependencies from the lockfile, a build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-services.sh
# Exactly what package-lock.json holds, Node.js 24 among it (the `node` devDependency): every npm script
# after this runs on node_modules/.bin/node, whichever Node.js the machine has.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund >&2
fi
npm run --silent build >&2
# The OpenAPI document (dist/openapi.json), the web console's types from it, then Vite into dist/console.
npm run --silent build:console >&2
