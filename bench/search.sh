#!/usr/bin/env bash
# Search at scale: p95 of a mix of 50 searches of /api/v1/search (single words common and rare,
# phrases, excluded words, OR, filters, newest first, a misspelling, deep keyset pages) with 1,000
# published articles, then the same searches with ARTICLES (default 1,000,000), in the same run.
# Bodies are sentences of the seed article (../shared/seeds) in varied order, with shared and
# rare words of their own. Target (issue 16): p95 <= 25 ms at 1,000,000 and the ratio <= 1.5.
#
# Needs: wrk, psql, curl, jq, Java 17 (apt-get install -y wrk postgresql-client curl jq).
# Usage: bench/search.sh        (ARTICLES=1000000 DURATION=20s CONNECTIONS=8 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

SMALL=1000
ARTICLES=${ARTICLES:-1000000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-8}
STET_PORT=${STET_PORT:-18096}
ADMIN=bench-admin@stet.test
PASSWORD=Bench-search-password-2026
WORK=$(mktemp -d /tmp/stet-search-bench.XXXXXX)
OUT=${OUT:-bench/out}
SEED=${SEED:-../shared/seeds/000_4d154a33f3d0f136.txt}
mkdir -p "$OUT"
COOKIE=none
command -v jq >/dev/null || { echo "bench needs jq (apt-get install -y jq)"; exit 2; }
[ -f "$SEED" ] || { echo "The seed article $SEED is missing (it is in ../shared/seeds)"; exit 2; }

. bench/lib.sh
start_stet stet-search.log -Dstet.sample-content.enabled=false -Dstet.search.timeout=10s

# The seed's sentences, one per row.
tr '\n' ' ' < "$SEED" | sed 's/\([.?!]\) \+/\1\n/g' | sed 's/^ *//; /^.\{20,\}$/!d' > "$WORK/sentences"
sql -c "create table bench_sentence (n serial primary key, text text not null)"
sql -c "\\copy bench_sentence (text) from '$WORK/sentences' with (format text)"

queries() { # the mix: 50 searches, one per line
  cat <<'Q'
q=russia
q=relations
q=policy
q=administration
q=president
q=moscow
q=washington
q=sanctions
q=election
q=dialogue
q=cooperation
q=trump
q=obama
q=diplomats
q=economic
q=security
q=bilateral
q=partner
q=conflict
q=region
q=topic42
q=topic7
q=rare17
q=rare512
q=unique777
q=%22foreign%20policy%22
q=%22Donald%20Trump%22
q=%22United%20States%22
q=%22Russian%20diplomats%22
q=russia%20-trump
q=policy%20-sanctions
q=sanctions%20OR%20embargo
q=moscow%20OR%20washington
q=russia%20relations%20policy
q=relations&order=newest
q=policy&order=newest
q=russia&category=bench-category
q=policy&author=bench-author-7
q=trump&tag=bench-tag-9
q=russia&from=2020&to=2030
q=topic42&order=newest
q=sanctoins
q=Bench%20Author%207
q=bench%20tag%2042
q=president%20rare17
Q
}

deep() { # five more: page 6 of common searches, by following "next"
  for q in "q=russia" "q=relations" "q=policy&order=newest" "q=trump" "q=moscow"; do
    local path="/api/v1/search?$q"
    for _ in 1 2 3 4 5; do
      next=$(curl -s "http://127.0.0.1:$STET_PORT$path" | jq -r '.next // empty')
      [ -n "$next" ] || break
      path="/api/v1/search?$q&after=$next"
    done
    echo "$path"
  done
}

paths() { queries | sed 's|^|/api/v1/search?|'; deep; }

echo "Seeding $SMALL articles..."
sql -v from=1 -v to="$SMALL" -f bench/search-seed.sql
paths > "$WORK/paths"
read -r small_p50 small_p95 small_p99 small_n <<<"$(measure search-small "$WORK/paths")"
echo "Seeding $((ARTICLES - SMALL)) more articles (takes a while)..."
started=$(date +%s)
sql -v from="$((SMALL + 1))" -v to="$ARTICLES" -f bench/search-seed.sql
echo "  seeded in $(( $(date +%s) - started )) s: $(sql -At -c 'select count(*) from article_search') search rows"
paths > "$WORK/paths"
read -r big_p50 big_p95 big_p99 big_n <<<"$(measure search-large "$WORK/paths")"

report "$SMALL" "$ARTICLES" articles
echo "Index size: $(sql -At -c "select pg_size_pretty(pg_total_relation_size('article_search'))")" \
  "(article_search with its indexes; document GIN" \
  "$(sql -At -c "select pg_size_pretty(pg_relation_size('article_search_document_idx'))"))"
