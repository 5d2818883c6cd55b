#!/usr/bin/env bash
# Editorial queue page at scale: p95 of /desk/queue (first and deep keyset pages of every state)
# with 100 articles, then with 100,000 articles (each with three revisions), in the same run.
# The ratio p95(100,000) / p95(100) shows whether the page stays flat as the database grows.
#
# Needs: wrk, psql, curl, Java 17 (apt-get install -y wrk postgresql-client curl).
# Usage: bench/queue-page.sh        (ARTICLES=100000 DURATION=20s CONNECTIONS=8 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

ARTICLES=${ARTICLES:-100000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
STET_PORT=${STET_PORT:-18090}
ADMIN=bench-editor@stet.test
PASSWORD=Bench-queue-password-2026
WORK=$(mktemp -d /tmp/stet-queue-bench.XXXXXX)
OUT=${OUT:-bench/out}
mkdir -p "$OUT"

for tool in wrk psql curl java; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (apt-get install -y wrk postgresql-client curl)"; exit 2; }
done

cleanup() {
  [ -n "${STET_PID:-}" ] && kill "$STET_PID" 2>/dev/null && wait "$STET_PID" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "Building the packaged application..."
  ./mvnw -B -q package -DskipTests
fi

echo "Starting Stet on 127.0.0.1:$STET_PORT (embedded PostgreSQL in $WORK/pg)..."
java -Xmx384m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$STET_PORT" \
  -Dstet.data-dir="$WORK/pg" -Dstet.sample-content.enabled=false \
  -Dstet.identity.admin-email="$ADMIN" -Dstet.identity.admin-password="$PASSWORD" \
  -Dquarkus.log.level=WARN -Dquarkus.log.category.\"org.stet.database\".level=INFO \
  -jar target/quarkus-app/quarkus-run.jar > "$OUT/stet-queue.log" 2>&1 &
STET_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$STET_PORT/q/health/ready" >/dev/null && break
  sleep 0.5
done
PG_PORT=$(sed -n 's/.*Embedded PostgreSQL started on 127.0.0.1:\([0-9]*\).*/\1/p' "$OUT/stet-queue.log" | head -1)
[ -n "$PG_PORT" ] || { echo "Could not find the embedded PostgreSQL port in $OUT/stet-queue.log"; exit 1; }
sql() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d stet "$@"; }

# The first administrator also gets the editor role, then signs in like a browser would.
sql -c "update account set roles = array['ADMIN', 'EDITOR'] where email = '$ADMIN'"
curl -s -c "$WORK/jar" "http://127.0.0.1:$STET_PORT/desk/sign-in" -o "$WORK/sign-in.html"
TOKEN=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$WORK/sign-in.html" | head -1)
curl -s -b "$WORK/jar" -c "$WORK/jar" -o /dev/null \
  --data-urlencode "email=$ADMIN" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$TOKEN" --data-urlencode "next=/desk" \
  "http://127.0.0.1:$STET_PORT/desk/sign-in"
COOKIE=$(awk '$6 == "stet_session" { print "stet_session=" $7 }' "$WORK/jar")
[ -n "$COOKIE" ] || { echo "Sign-in failed"; exit 1; }

paths() { # one first page per state, and keyset pages 10%, 50% and 90% deep into SUBMITTED
  for state in DRAFT SUBMITTED IN_REVIEW REVISIONS_REQUESTED ACCEPTED SCHEDULED PUBLISHED; do
    echo "/desk/queue?state=$state"
  done
  local total
  total=$(sql -At -c "select count(*) from article where status = 'SUBMITTED'")
  for share in 10 50 90; do
    sql -At -c "select (extract(epoch from state_changed_at) * 1000000)::bigint || '.' || id
                from article where status = 'SUBMITTED' order by state_changed_at, id
                offset $((total * share / 100)) limit 1" \
      | sed 's|^|/desk/queue?state=SUBMITTED\&after=|'
  done
}

measure() { # label -> "p50 p95 p99"
  paths > "$WORK/paths"
  while read -r path; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$STET_PORT$path")
    [ "$code" = 200 ] || { echo "GET $path answered $code"; exit 1; }
  done < "$WORK/paths"
  QUEUE_PATHS="$WORK/paths" STET_COOKIE="$COOKIE" \
    wrk -t2 -c"$CONNECTIONS" -d10s -s bench/queue-p95.lua "http://127.0.0.1:$STET_PORT" >/dev/null
  QUEUE_PATHS="$WORK/paths" STET_COOKIE="$COOKIE" \
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/queue-p95.lua \
    "http://127.0.0.1:$STET_PORT" > "$OUT/wrk-queue-$1.txt"
  awk '/^RESULT/ { if ($6 > 0) { print "non-2xx answers: " $6 > "/dev/stderr"; exit 1 }
                   printf "%s %s %s %s\n", $3, $4, $5, $2 }' "$OUT/wrk-queue-$1.txt"
}

echo "Seeding 100 articles..."
sql -v from=1 -v to=100 -f bench/queue-seed.sql
read -r small_p50 small_p95 small_p99 small_n <<<"$(measure small)"
echo "Seeding $((ARTICLES - 100)) more articles, three revisions each (takes a while)..."
started=$(date +%s)
sql -v from=101 -v to="$ARTICLES" -f bench/queue-seed.sql
echo "  seeded in $(( $(date +%s) - started )) s: $(sql -At -c 'select count(*) from article') articles," \
  "$(sql -At -c 'select count(*) from article_revision') revisions"
read -r big_p50 big_p95 big_p99 big_n <<<"$(measure large)"

printf '\n%-16s %9s %9s %9s %9s\n' articles requests "p50 ms" "p95 ms" "p99 ms"
printf '%-16s %9s %9s %9s %9s\n' 100 "$small_n" "$small_p50" "$small_p95" "$small_p99"
printf '%-16s %9s %9s %9s %9s\n' "$ARTICLES" "$big_n" "$big_p50" "$big_p95" "$big_p99"
ratio=$(awk -v a="$big_p95" -v b="$small_p95" 'BEGIN { printf "%.2f", a / b }')
echo
echo "Queue page p95 with $ARTICLES articles: $big_p95 ms; ratio to 100 articles: $ratio (flat is ~1)"
echo "Raw wrk output in $OUT/"
