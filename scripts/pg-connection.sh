# Sourced by backup.sh and restore.sh: the database of the profile the service runs with, as libpq variables.
#   postgres profile: SPAREFLOW_DB_URL (jdbc:postgresql://host:port/database), SPAREFLOW_DB_USER, SPAREFLOW_DB_PASSWORD
#   default profile (SPAREFLOW_DB_URL unset): the embedded PostgreSQL on 127.0.0.1:${SPAREFLOW_EMBEDDED_PG_PORT:-5439},
#   database and user postgres — it runs only while the service runs.
# Also makes sure Debian's PostgreSQL 15 client is there (the embedded server is PostgreSQL 15; a newer pg_dump
# writes archives an older pg_restore cannot read).

pg_client_ready() {
  command -v pg_dump >/dev/null && pg_dump --version | grep -q ' 15\.' \
    && command -v pg_restore >/dev/null && command -v psql >/dev/null
}

if ! pg_client_ready; then
  if [ -x /usr/lib/postgresql/15/bin/pg_dump ]; then
    PATH="/usr/lib/postgresql/15/bin:$PATH"
  elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's postgresql-client-15" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-client-15 >/dev/null
    PATH="/usr/lib/postgresql/15/bin:$PATH"
  fi
  if ! pg_client_ready; then
    echo "pg_dump, pg_restore and psql of PostgreSQL 15 are needed: sudo apt-get install postgresql-client-15" >&2
    exit 1
  fi
fi

if [ -n "${SPAREFLOW_DB_URL:-}" ]; then
  url="${SPAREFLOW_DB_URL#jdbc:postgresql://}"
  if [ "$url" = "$SPAREFLOW_DB_URL" ]; then
    echo "SPAREFLOW_DB_URL must look like jdbc:postgresql://host:port/database, not $SPAREFLOW_DB_URL" >&2
    exit 2
  fi
  url="${url%%\?*}"
  hostport="${url%%/*}"
  export PGDATABASE="${url#*/}"
  export PGHOST="${hostport%%:*}"
  if [ "$hostport" != "$PGHOST" ]; then export PGPORT="${hostport#*:}"; else export PGPORT=5432; fi
  export PGUSER="${SPAREFLOW_DB_USER:-spareflow}"
  export PGPASSWORD="${SPAREFLOW_DB_PASSWORD:-spareflow}"
else
  export PGHOST=127.0.0.1 PGPORT="${SPAREFLOW_EMBEDDED_PG_PORT:-5439}" PGDATABASE=postgres PGUSER=postgres PGPASSWORD=postgres
fi
