# Shared steps of the desk benchmarks (sourced, not run): start the packaged Stet on an embedded
# PostgreSQL in $WORK, sign an editor in like a browser, and measure a list of desk paths with wrk.
# Callers set WORK, OUT, STET_PORT, ADMIN, PASSWORD, CONNECTIONS and DURATION first.

for tool in wrk psql curl java; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (apt-get install -y wrk postgresql-client curl)"; exit 2; }
done

cleanup() {
  [ -n "${STET_PID:-}" ] && kill "$STET_PID" 2>/dev/null && wait "$STET_PID" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

# start_stet LOGNAME [java -D options...]: the packaged app, built first if missing.
start_stet() {
  local log="$OUT/$1"
  shift
  if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "Building the packaged application..."
    ./mvnw -B -q package -DskipTests
  fi
  echo "Starting Stet on 127.0.0.1:$STET_PORT (embedded PostgreSQL in $WORK/pg)..."
  java -Xmx384m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$STET_PORT" \
    -Dquarkus.management.port="$((STET_PORT + 1))" \
    -Dstet.data-dir="$WORK/pg" \
    -Dstet.identity.admin-email="$ADMIN" -Dstet.identity.admin-password="$PASSWORD" \
    -Dquarkus.log.level=WARN -Dquarkus.log.category.\"org.stet.database\".level=INFO "$@" \
    -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  STET_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$((STET_PORT + 1))/q/health/ready" >/dev/null && break
    sleep 0.5
  done
  PG_PORT=$(sed -n 's/.*Embedded PostgreSQL started on 127.0.0.1:\([0-9]*\).*/\1/p' "$log" | head -1)
  [ -n "$PG_PORT" ] || { echo "Could not find the embedded PostgreSQL port in $log"; exit 1; }
}

sql() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d stet "$@"; }

# sign_in: the first administrator also gets the editor role, then signs in; sets COOKIE.
sign_in() {
  sql -c "update account set roles = array['ADMIN', 'EDITOR'] where email = '$ADMIN'"
  curl -s -c "$WORK/jar" "http://127.0.0.1:$STET_PORT/desk/sign-in" -o "$WORK/sign-in.html"
  local token
  token=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$WORK/sign-in.html" | head -1)
  curl -s -b "$WORK/jar" -c "$WORK/jar" -o /dev/null \
    --data-urlencode "email=$ADMIN" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" --data-urlencode "next=/desk" \
    "http://127.0.0.1:$STET_PORT/desk/sign-in"
  COOKIE=$(awk '$6 == "stet_session" { print "stet_session=" $7 }' "$WORK/jar")
  [ -n "$COOKIE" ] || { echo "Sign-in failed"; exit 1; }
}

# measure LABEL PATHS-FILE -> "p50 p95 p99 requests"; every path must answer 200 first.
measure() {
  while read -r path; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "http://127.0.0.1:$STET_PORT$path")
    [ "$code" = 200 ] || { echo "GET $path answered $code" >&2; exit 1; }
  done < "$2"
  QUEUE_PATHS="$2" STET_COOKIE="$COOKIE" \
    wrk -t2 -c"$CONNECTIONS" -d10s -s bench/queue-p95.lua "http://127.0.0.1:$STET_PORT" >/dev/null
  QUEUE_PATHS="$2" STET_COOKIE="$COOKIE" \
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/queue-p95.lua \
    "http://127.0.0.1:$STET_PORT" > "$OUT/wrk-$1.txt"
  awk '/^RESULT/ { if ($6 > 0) { print "non-2xx answers: " $6 > "/dev/stderr"; exit 1 }
                   printf "%s %s %s %s\n", $3, $4, $5, $2 }' "$OUT/wrk-$1.txt"
}

# report SMALL-COUNT BIG-COUNT WHAT: the table and the p95 ratio of the two measurements.
report() {
  printf '\n%-16s %9s %9s %9s %9s\n' "$3" requests "p50 ms" "p95 ms" "p99 ms"
  printf '%-16s %9s %9s %9s %9s\n' "$1" "$small_n" "$small_p50" "$small_p95" "$small_p99"
  printf '%-16s %9s %9s %9s %9s\n' "$2" "$big_n" "$big_p50" "$big_p95" "$big_p99"
  local ratio
  ratio=$(awk -v a="$big_p95" -v b="$small_p95" 'BEGIN { printf "%.2f", a / b }')
  echo
  echo "p95 with $2 $3: $big_p95 ms; ratio to $1: $ratio (flat is ~1)"
  echo "Raw wrk output in $OUT/"
}
