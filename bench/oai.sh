#!/usr/bin/env bash
# OAI-PMH at scale: p95 of a mix of harvesting requests with SMALL (default 1,000) articles, then
# the same mix with ARTICLES (default 1,000,000), in the same run. The mix: the first ListRecords
# page, the page after it (resumption token), a ListIdentifiers list starting half-way through
# the archive (from a datestamp: its size counted up to the limit) and the page after that, and a
# GetRecord. p95(large) / p95(small) shows whether harvesting depends on the archive's size (it
# should not: every page is one keyset range of an index, its size a kept count).
#
# Needs: wrk, psql, curl, Java 17 (apt-get install -y wrk postgresql-client curl).
# Usage: bench/oai.sh        (SMALL=1000 ARTICLES=1000000 DURATION=20s CONNECTIONS=8 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

SMALL=${SMALL:-1000}
ARTICLES=${ARTICLES:-1000000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
STET_PORT=${STET_PORT:-18096}
ADMIN=bench-admin@stet.test
PASSWORD=Bench-oai-password-2026
WORK=$(mktemp -d /tmp/stet-oai-bench.XXXXXX)
OUT=${OUT:-bench/out}
mkdir -p "$OUT"
COOKIE=none

. bench/lib.sh
start_stet stet-oai.log -Dstet.sample-content.enabled=false \
  -Dstet.site.base-url="http://127.0.0.1:$STET_PORT"

base="http://127.0.0.1:$STET_PORT"
token_of() { # the resumption token of the response at path $1, URL-encoded
  curl -s "$base$1" | sed -n 's/.*<resumptionToken[^>]*>\([^<]*\)<.*/\1/p' | head -1
}

paths() {
  local first middle from
  first="/oai?verb=ListRecords&metadataPrefix=oai_dc"
  echo "$first"
  echo "/oai?verb=ListRecords&resumptionToken=$(token_of "$first")"
  from=$(sql -At -c "select to_char(datestamp at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
                      from harvest_record order by datestamp
                      offset (select count(*) / 2 from harvest_record) limit 1")
  middle="/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&from=$from"
  echo "$middle"
  echo "/oai?verb=ListIdentifiers&resumptionToken=$(token_of "$middle")"
  echo "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:127.0.0.1:article/$(
    sql -At -c "select article_id from harvest_record order by article_id
                offset (select count(*) / 2 from harvest_record) limit 1")"
}

echo "Seeding $SMALL articles..."
sql -v from=1 -v to="$SMALL" -f bench/sitemap-seed.sql
paths > "$WORK/paths"
read -r small_p50 small_p95 small_p99 small_n <<<"$(measure oai-small "$WORK/paths")"
echo "Seeding $((ARTICLES - SMALL)) more articles (takes a while)..."
started=$(date +%s)
sql -v from="$((SMALL + 1))" -v to="$ARTICLES" -f bench/sitemap-seed.sql
echo "  seeded in $(( $(date +%s) - started )) s: $(sql -At -c 'select count(*) from harvest_record') records"
paths > "$WORK/paths"
read -r big_p50 big_p95 big_p99 big_n <<<"$(measure oai-large "$WORK/paths")"

report "$SMALL" "$ARTICLES" articles
