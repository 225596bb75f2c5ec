#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1: starts them when installed and stopped,
# installs them from Debian's packages when missing. Safe to run again and again.
set -euo pipefail

say() { printf '[services] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else say "need root for: $*"; return 1; fi; }

postgres_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then as_root apt-get update -qq; apt_updated=yes; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

wait_for() {
  local name=$1 check=$2
  for _ in $(seq 1 60); do "$check" && return 0; sleep 0.5; done
  say "$name did not come up on 127.0.0.1"; return 1
}

ensure_postgres() {
  if command -v pg_isready >/dev/null && postgres_up; then say "PostgreSQL is running"; return; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    say "PostgreSQL missing: installing it from Debian's packages"
    apt_install postgresql postgresql-client
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -1)
  # Local development trusts connections from 127.0.0.1, as the machines here are set up.
  local hba=/etc/postgresql/$version/main/pg_hba.conf
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  say "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for PostgreSQL postgres_up
}

ensure_redis() {
  if command -v redis-cli >/dev/null && redis_up; then say "Redis is running"; return; fi
  if ! command -v redis-server >/dev/null; then
    say "Redis missing: installing it from Debian's packages"
    apt_install redis-server
  fi
  say "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis redis_up
}

# The report's chart draws unit names in Chinese; without a CJK font they would come out as boxes.
# Not a service and not fatal: a machine without one still passes every test, with a warning.
ensure_cjk_font() {
  if ls /usr/share/fonts/truetype/wqy/wqy-microhei.ttc >/dev/null 2>&1 || (command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]); then return; fi
  say "no Chinese font: installing fonts-wqy-microhei for the report's charts"
  apt_install fonts-wqy-microhei || say "could not install a Chinese font: chart labels will not render"
}

# The alerting rules in deploy/prometheus are checked by promtool (test/metrics/alert-rules.spec.ts).
# Debian's prometheus package carries it (about 35 s to install without its recommends).
ensure_promtool() {
  if command -v promtool >/dev/null; then return; fi
  say "promtool missing: installing Debian's prometheus package for it (the server is not started)"
  apt_install --no-install-recommends prometheus
}

ensure_postgres
ensure_redis
ensure_cjk_font
ensure_promtool
