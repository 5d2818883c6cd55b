#!/usr/bin/env bash
# Sitemap at scale: p95 of /sitemap.xml, /sitemaps/pages.xml and the first part of each kind
# (articles-0: 45,000 URLs; authors-0; tags-0) with 50,000 articles, then the same files with
# ARTICLES (default 1,000,000), in the same run, and the deepest article part alone. Each file is
# also timed once as written afresh (not kept yet). Article parts hold the
# same URLs in both runs, so p95(large) / p95(small) shows whether reading a part depends on the
# size of the archive (it should not: each part is a keyset range of ids, written once and kept
# gzipped). Requests say Accept-Encoding: gzip, as crawlers do.
#
# Needs: wrk, psql, curl, Java 17 (apt-get install -y wrk postgresql-client curl).
# Usage: bench/sitemap.sh        (ARTICLES=1000000 DURATION=20s CONNECTIONS=8 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

SMALL=50000
ARTICLES=${ARTICLES:-1000000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
STET_PORT=${STET_PORT:-18094}
ADMIN=bench-admin@stet.test
PASSWORD=Bench-sitemap-password-2026
WORK=$(mktemp -d /tmp/stet-sitemap-bench.XXXXXX)
OUT=${OUT:-bench/out}
mkdir -p "$OUT"
COOKIE=none
export STET_ACCEPT_ENCODING=gzip

. bench/lib.sh

# cold LABEL PATHS-FILE: how long each file takes to write when it is not kept (the first read
# after the archive changed), as crawlers send it.
cold() {
  echo "  written afresh ($1):"
  while read -r path; do
    printf '    %-32s %s s\n' "$path" "$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' \
      -w '%{time_total}' "http://127.0.0.1:$STET_PORT$path")"
  done < "$2"
}
start_stet stet-sitemap.log -Dstet.sample-content.enabled=false

paths() { # the index, the pages part and the first part of each kind
  echo /sitemap.xml
  echo /sitemaps/pages.xml
  echo /sitemaps/articles-0.xml
  echo /sitemaps/authors-0.xml
  echo /sitemaps/tags-0.xml
}

deepest() { # the article part with the highest ids
  sql -At -c "select '/sitemaps/articles-' || max(id) / 50000 || '.xml' from article
              where status = 'PUBLISHED'"
}

echo "Seeding $SMALL articles..."
sql -v from=1 -v to="$SMALL" -f bench/sitemap-seed.sql
paths > "$WORK/paths"
cold sitemap-small "$WORK/paths"
read -r small_p50 small_p95 small_p99 small_n <<<"$(measure sitemap-small "$WORK/paths")"
echo "  articles-0.xml: $(curl -s "http://127.0.0.1:$STET_PORT/sitemaps/articles-0.xml" | grep -o '<url>' | wc -l) URLs"
echo "Seeding $((ARTICLES - SMALL)) more articles (takes a while)..."
started=$(date +%s)
sql -v from="$((SMALL + 1))" -v to="$ARTICLES" -f bench/sitemap-seed.sql
echo "  seeded in $(( $(date +%s) - started )) s: $(sql -At -c 'select count(*) from article') articles"
# Seeding bypassed the application, so it still keeps the files of the smaller archive: restart.
kill "$STET_PID" && wait "$STET_PID" 2>/dev/null || true
start_stet stet-sitemap.log -Dstet.sample-content.enabled=false
paths > "$WORK/paths"
deepest > "$WORK/deepest"
cold sitemap-large "$WORK/paths"
cold sitemap-large "$WORK/deepest"
read -r big_p50 big_p95 big_p99 big_n <<<"$(measure sitemap-large "$WORK/paths")"
read -r deep_p50 deep_p95 deep_p99 deep_n <<<"$(measure sitemap-deepest "$WORK/deepest")"

report "$SMALL" "$ARTICLES" articles
echo "The deepest article part alone ($(cat "$WORK/deepest")), $ARTICLES articles:" \
  "p50 $deep_p50 ms, p95 $deep_p95 ms, p99 $deep_p99 ms ($deep_n requests)"
