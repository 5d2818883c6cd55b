#!/usr/bin/env bash
# Sign-in answers must not tell who has an account: the time of refusing an unknown account, a
# wrong password for a real one and an attempt from a throttled network, against the packaged app
# with the production bcrypt cost (12). Prints the median and p90 of each and the ratios to the
# unknown-account median (same run, same machine; ratios near 1 mean the answers look alike).
#
# Needs: curl, psql, wrk (for bench/lib.sh's checks), Java 17.
# Usage: bench/sign-in-timing.sh        (SAMPLES=15 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

SAMPLES=${SAMPLES:-15}
STET_PORT=${STET_PORT:-18094}
ADMIN=bench-owner@stet.test
PASSWORD=Bench-sign-in-password-2026
WORK=$(mktemp -d /tmp/stet-sign-in-bench.XXXXXX)
OUT=${OUT:-bench/out}
mkdir -p "$OUT"

. bench/lib.sh
# A long first wait keeps the throttled network throttled for the whole measurement.
start_stet stet-sign-in.log -Dstet.sample-content.enabled=false \
  -Dstet.identity.sign-in-first-wait=10m

# attempt SOURCE EMAIL PASSWORD: one sign-in from loopback address SOURCE; prints status and seconds.
attempt() {
  local jar="$WORK/jar-$1"
  curl -s --interface "$1" -c "$jar" -b "$jar" "http://127.0.0.1:$STET_PORT/desk/sign-in" \
    -o "$WORK/form-$1.html" || true
  local token
  token=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$WORK/form-$1.html" | head -1)
  curl -s --interface "$1" -b "$jar" -o /dev/null -w '%{http_code} %{time_total}\n' \
    --data-urlencode "email=$2" --data-urlencode "password=$3" \
    --data-urlencode "_csrf=$token" --data-urlencode "next=/desk" \
    "http://127.0.0.1:$STET_PORT/desk/sign-in" || echo "000 0"
}

# series NAME SOURCE EMAIL: SAMPLES attempts, a few seconds apart. SOURCE ending in "." takes a
# new network per attempt (SOURCE1, SOURCE2, ...), so the pair's own wait never starts.
series() {
  : > "$WORK/$1"
  for i in $(seq 1 "$SAMPLES"); do
    local from="$2"
    [ "${from%.}" != "$from" ] && from="$from$i"
    attempt "$from" "$3" "wrong-password-$i" >> "$WORK/$1"
    sleep 2
  done
}

stats() { # NAME -> "status median p90" (seconds)
  awk '{ print $2 }' "$WORK/$1" | sort -n | awk -v name="$1" -v status="$(awk '{print $1}' "$WORK/$1" | sort -u | tr '\n' ',')" '
    { t[NR] = $1 } END { printf "%s %s %.4f %.4f\n", name, status, t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)] }'
}

# Warm up, then throttle one network for the owner's e-mail (the pair waits after 3 failures).
for i in 1 2 3 4 5; do attempt 127.0.0.20 "warm-$i@example.org" "x-$i-password" > /dev/null; done
for i in 1 2 3 4; do attempt 127.0.0.21 "$ADMIN" "guess-$i-password" > /dev/null; done

series unknown 127.0.2. "nobody-here@example.org" &
UNKNOWN=$!
series wrong 127.0.1. "$ADMIN" &
WRONG=$!
series throttled 127.0.0.21 "$ADMIN" &
THROTTLED=$!
# Only the three series: a bare "wait" would also wait for Stet itself.
wait "$UNKNOWN" "$WRONG" "$THROTTLED" || true

{
  echo "answer statuses median_s p90_s"
  for name in unknown wrong throttled; do stats "$name"; done
} | tee "$OUT/sign-in-timing.txt" | column -t
awk 'NR == 2 { base = $3 } NR > 1 { printf "%s: %.2f of the unknown-account median\n", $1, $3 / base }' \
  "$OUT/sign-in-timing.txt"
