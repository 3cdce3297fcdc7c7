#!/usr/bin/env bash
# Installs (Debian) and starts a local PostgreSQL 15 for the `postgres` profile, as root, without systemd.
# Usage: scripts/local-postgres.sh [start|stop|status]   (default: start)
# Data lives in $SPAREFLOW_PG_DIR (default /var/lib/spareflow-pg); it listens on 127.0.0.1:${SPAREFLOW_PG_PORT:-5432}.
# Creates role and database `spareflow` (password `spareflow`) — the defaults of application-postgres.yml.
set -euo pipefail

ACTION="${1:-start}"
DIR="${SPAREFLOW_PG_DIR:-/var/lib/spareflow-pg}"
PORT="${SPAREFLOW_PG_PORT:-5432}"
PGBIN=/usr/lib/postgresql/15/bin

if [ "$(id -u)" != "0" ]; then
  echo "Run as root (it installs packages and runs PostgreSQL as the postgres user)." >&2
  exit 1
fi

as_postgres() { runuser -u postgres -- "$@"; }

case "$ACTION" in
  start)
    if [ ! -x "$PGBIN/initdb" ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
    fi
    install -d -o postgres -g postgres -m 700 "$DIR"
    install -d -o postgres -g postgres -m 755 "$DIR/run"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      as_postgres "$PGBIN/initdb" -D "$DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    fi
    if ! as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w start \
        -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR/run -c max_connections=200"
    fi
    PSQL=("$PGBIN/psql" -h "$DIR/run" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
    if [ "$(as_postgres "${PSQL[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'spareflow'")" != "1" ]; then
      as_postgres "${PSQL[@]}" -c "CREATE ROLE spareflow LOGIN PASSWORD 'spareflow'"
    fi
    if [ "$(as_postgres "${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'spareflow'")" != "1" ]; then
      as_postgres "${PSQL[@]}" -c "CREATE DATABASE spareflow OWNER spareflow"
    fi
    echo "PostgreSQL is up on 127.0.0.1:$PORT, database spareflow, user spareflow / spareflow."
    echo "Run: SPAREFLOW_DB_URL=jdbc:postgresql://127.0.0.1:$PORT/spareflow mvn spring-boot:run -Dspring-boot.run.profiles=postgres"
    ;;
  stop)
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop
    ;;
  status)
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" status
    ;;
  *)
    echo "usage: $0 [start|stop|status]" >&2
    exit 2
    ;;
esac
