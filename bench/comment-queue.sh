#!/usr/bin/env bash
# Comment moderation queue at scale: p95 of /desk/plugins/comment-moderation (first pages of every
# state, keyset pages deep into the pending queue, a commenter's comments) with 1,000 comments
# (full pages everywhere), then with 1,000,000 (COMMENTS), in the same run. The ratio
# p95(large) / p95(1,000) shows whether the queue stays flat as comments pile up.
#
# Needs: wrk, psql, curl, Java 17 (apt-get install -y wrk postgresql-client curl).
# Usage: bench/comment-queue.sh        (COMMENTS=1000000 DURATION=20s CONNECTIONS=8 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

COMMENTS=${COMMENTS:-1000000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
STET_PORT=${STET_PORT:-18092}
ADMIN=bench-editor@stet.test
PASSWORD=Bench-queue-password-2026
WORK=$(mktemp -d /tmp/stet-comment-bench.XXXXXX)
OUT=${OUT:-bench/out}
mkdir -p "$OUT"

. bench/lib.sh
start_stet stet-comments.log
sign_in

QUEUE=/desk/plugins/comment-moderation
paths() { # the first page of each state, pending pages 10 %, 50 % and 90 % deep, one commenter
  for state in PENDING APPROVED SPAM TRASH; do
    echo "$QUEUE?status=$state"
  done
  local total
  total=$(sql -At -c "select count(*) from comment_moderation_comment where status = 'PENDING'")
  for share in 10 50 90; do
    sql -At -c "select id from comment_moderation_comment where status = 'PENDING'
                order by id desc offset $((total * share / 100)) limit 1" \
      | sed "s|^|$QUEUE?status=PENDING\&before=|"
  done
  echo "$QUEUE?status=APPROVED&email=reader7%40bench.example"
}

echo "Seeding 1,000 comments..."
sql -v from=1 -v to=1000 -f bench/comment-seed.sql
paths > "$WORK/paths"
read -r small_p50 small_p95 small_p99 small_n <<<"$(measure comments-small "$WORK/paths")"
echo "Seeding $((COMMENTS - 1000)) more comments..."
sql -v from=1001 -v to="$COMMENTS" -f bench/comment-seed.sql
paths > "$WORK/paths"
read -r big_p50 big_p95 big_p99 big_n <<<"$(measure comments-large "$WORK/paths")"

report 1000 "$COMMENTS" comments
