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

. bench/lib.sh
start_stet stet-queue.log -Dstet.sample-content.enabled=false
sign_in

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

echo "Seeding 100 articles..."
sql -v from=1 -v to=100 -f bench/queue-seed.sql
paths > "$WORK/paths"
read -r small_p50 small_p95 small_p99 small_n <<<"$(measure queue-small "$WORK/paths")"
echo "Seeding $((ARTICLES - 100)) more articles, three revisions each (takes a while)..."
started=$(date +%s)
sql -v from=101 -v to="$ARTICLES" -f bench/queue-seed.sql
echo "  seeded in $(( $(date +%s) - started )) s: $(sql -At -c 'select count(*) from article') articles," \
  "$(sql -At -c 'select count(*) from article_revision') revisions"
paths > "$WORK/paths"
read -r big_p50 big_p95 big_p99 big_n <<<"$(measure queue-large "$WORK/paths")"

report 100 "$ARTICLES" articles
