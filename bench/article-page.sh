#!/usr/bin/env bash
# Article page throughput: Stet (packaged, embedded PostgreSQL, sample content) against nginx
# serving the same HTML as a static file, on this machine, in the same run, alternating three
# times. Prints req/s, p50 and p99 of each round and the ratio Stet/nginx.
# Target (PRODUCT.md): ratio >= 0.5 and Stet p99 <= 20 ms at 32 connections.
#
# Needs: wrk and nginx (apt-get install -y wrk nginx-light), curl, Java 17.
# Usage: bench/article-page.sh            (DURATION=20s ROUNDS=3 CONNECTIONS=32 to change)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
STET_PORT=${STET_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18082} # 18081 is Stet's management port
SLUG=russia-us-relations-on-the-doorstep-of-the-incoming-trump-administration
WORK=$(mktemp -d /tmp/stet-bench.XXXXXX)
chmod 755 "$WORK" # nginx workers read the page as another user
OUT=${OUT:-bench/out}
mkdir -p "$OUT"

for tool in wrk nginx curl java; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (apt-get install -y wrk nginx-light curl)"; exit 2; }
done

cleanup() {
  [ -n "${STET_PID:-}" ] && kill "$STET_PID" 2>/dev/null && wait "$STET_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "Building the packaged application..."
  ./mvnw -B -q package -DskipTests
fi

echo "Starting Stet on 127.0.0.1:$STET_PORT (embedded PostgreSQL in $WORK/pg)..."
java -Xmx256m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$STET_PORT" \
  -Dquarkus.management.port="$((STET_PORT + 1))" \
  -Dstet.data-dir="$WORK/pg" -Dquarkus.log.level=WARN \
  -jar target/quarkus-app/quarkus-run.jar > "$OUT/stet.log" 2>&1 &
STET_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$((STET_PORT + 1))/q/health/ready" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$STET_PORT/articles/$SLUG" -o "$WORK/article.html" \
  || { echo "Stet did not serve the article; see $OUT/stet.log"; exit 1; }

mkdir -p "$WORK/www/articles" "$WORK/nginx"
cp "$WORK/article.html" "$WORK/www/articles/$SLUG"
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    default_type text/html;
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK/nginx"
sleep 0.5
cmp -s <(curl -s "http://127.0.0.1:$NGINX_PORT/articles/$SLUG") "$WORK/article.html" \
  || { echo "nginx does not serve the same HTML"; exit 1; }

run_wrk() { # name url -> "rps p50_ms p99_ms"
  local log="$OUT/wrk-$1-$2.txt"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$3" > "$log"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Socket errors|Non-2xx/ { errors = errors " " $0 }
    END { printf "%.0f %.2f %.2f%s\n", rps, p50, p99, (errors ? " [" errors "]" : "") }' "$log"
}

echo "Warming up Stet (10 s)..."
wrk -t2 -c"$CONNECTIONS" -d10s "http://127.0.0.1:$STET_PORT/articles/$SLUG" >/dev/null

printf '\n%-6s %-6s %10s %9s %9s\n' round server "req/s" "p50 ms" "p99 ms"
stet_total=0; nginx_total=0; stet_worst_p99=0
for round in $(seq 1 "$ROUNDS"); do
  read -r s_rps s_p50 s_p99 s_err <<<"$(run_wrk stet "$round" "http://127.0.0.1:$STET_PORT/articles/$SLUG")"
  printf '%-6s %-6s %10s %9s %9s %s\n' "$round" stet "$s_rps" "$s_p50" "$s_p99" "${s_err:-}"
  read -r n_rps n_p50 n_p99 n_err <<<"$(run_wrk nginx "$round" "http://127.0.0.1:$NGINX_PORT/articles/$SLUG")"
  printf '%-6s %-6s %10s %9s %9s %s\n' "$round" nginx "$n_rps" "$n_p50" "$n_p99" "${n_err:-}"
  stet_total=$((stet_total + s_rps)); nginx_total=$((nginx_total + n_rps))
  stet_worst_p99=$(awk -v a="$stet_worst_p99" -v b="$s_p99" 'BEGIN { print (b > a ? b : a) }')
done
ratio=$(awk -v s="$stet_total" -v n="$nginx_total" 'BEGIN { printf "%.2f", s / n }')
echo
echo "Stet/nginx throughput ratio: $ratio (target >= 0.5); Stet worst p99: ${stet_worst_p99} ms (target <= 20)"
echo "Raw wrk output in $OUT/"
