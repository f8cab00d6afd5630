#!/usr/bin/env bash
# Runs `tertial bench` on SQLite and on PostgreSQL side by side: `scripts/bench-postgresql.sh [bench options]`,
# e.g. `scripts/bench-postgresql.sh --only uploads`. Starts a throw-away PostgreSQL server (Debian's postgresql,
# as the tests do: initdb + pg_ctl in a temporary directory on a free loopback port, as the postgres user when run
# as root, fsync on as in production), creates an empty database, runs the bench against it and stops the server.
# Needs target/tertial.jar (mvn -B -ntp -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
dir=$(mktemp -d /tmp/tertial-bench-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as=()
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; as=(runuser -u postgres --); fi
stop() { "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT
"${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U tertial --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -l "$dir/log" -w start >/dev/null
"${as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U tertial -d postgres -qc "CREATE DATABASE bench" >/dev/null
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (fsync on, defaults otherwise)"
TERTIAL_DATABASE_USER=tertial java -Xmx2g -jar target/tertial.jar bench --postgresql "jdbc:postgresql://127.0.0.1:$port/bench" "$@"
