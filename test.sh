#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine and prints "N passed, M failed".
# Installs what the tests need when it is missing (Debian's chromium and postgresql),
# starts PostgreSQL and points the database tests at it through MEETUP_TEST_POSTGRES.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- system packages ---------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- PostgreSQL --------------------------------------------------------------------------------
pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$pg_version main$"; then
  as_root pg_createcluster "$pg_version" main >/dev/null
fi
pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  as_root pg_ctlcluster "$pg_version" main start
fi
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$pg_port" && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$pg_port"
as_root su postgres -c "psql -q -p $pg_port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='meetup_test'\"" | grep -q 1 \
  || as_root su postgres -c "psql -q -p $pg_port -c \"CREATE ROLE meetup_test LOGIN CREATEDB PASSWORD 'meetup_test'\""
# Dropping a test database WITH (FORCE) may have to stop an autovacuum worker, which runs as the superuser.
as_root su postgres -c "psql -q -p $pg_port -c 'GRANT pg_signal_backend TO meetup_test'" >/dev/null
export MEETUP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=meetup_test;Password=meetup_test;Database=postgres"

# --- build and test ----------------------------------------------------------------------------
dotnet tool restore >/dev/null
dotnet build Meetup.sln -c Release -nologo -v quiet
rm -rf TestResults
status=0
# One test project after the other: the browser tests get the machine to themselves (CI has two cores).
for project in $(grep -l "<IsTestProject>true</IsTestProject>" tests/*/*.csproj); do
  dotnet test "$project" -c Release --no-build --nologo --logger "trx" --results-directory TestResults || status=$?
done

passed=0
failed=0
for trx in TestResults/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run itself broke (e.g. a test host crashed): never report green
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
