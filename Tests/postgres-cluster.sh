#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for LinePlan's shared-ledger tests: initdb in a temporary folder, the
# server listening only on a unix socket in that folder (no TCP port), trust authentication, no data kept.
#
#   Tests/postgres-cluster.sh swift test       start, run the command with LINEPLAN_TEST_POSTGRES set, stop
#   eval "$(Tests/postgres-cluster.sh start)"  start; prints the exports (LINEPLAN_TEST_POSTGRES, LINEPLAN_PG_DIR)
#   Tests/postgres-cluster.sh stop DIR         stop the cluster in DIR and remove it
#
# PostgreSQL refuses to run as root: as root, the server runs as the 'postgres' user (Debian's package
# creates it). Needs Debian's postgresql package (initdb and pg_ctl under /usr/lib/postgresql/*/bin).
set -euo pipefail

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "postgres-cluster: no PostgreSQL server found (apt-get install postgresql)" >&2
    exit 69
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    local dir
    dir="$(mktemp -d "${TMPDIR:-/tmp}/lineplan-pg.XXXXXX")"
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --locale=C.UTF-8 -E UTF8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -k $dir -c fsync=off -c max_connections=100" start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
    echo "export LINEPLAN_PG_DIR='$dir'"
    echo "export LINEPLAN_TEST_POSTGRES='postgresql:///postgres?host=$dir&user=postgres'"
}

stop() {
    local dir="$1"
    [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop "${2:?usage: $0 stop DIR}" ;;
"") echo "usage: $0 COMMAND... | start | stop DIR" >&2; exit 64 ;;
*)
    eval "$(start)"
    trap 'stop "$LINEPLAN_PG_DIR"' EXIT
    echo "postgres-cluster: LINEPLAN_TEST_POSTGRES=$LINEPLAN_TEST_POSTGRES" >&2
    "$@"
    ;;
esac
