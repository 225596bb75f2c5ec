#!/usr/bin/env bash
# What both quick-start commands need first: services on 127.0.0.1, dependencies from the lockfile, a build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-services.sh
# `npm install` follows package-lock.json exactly; `npm ci` would refuse it here because this registry
# mirror does not describe other platforms' optional packages, so npm cannot record them in the lock.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund >&2
fi
npm run --silent build >&2
