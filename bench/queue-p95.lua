-- wrk script for bench/queue-page.sh: rotates over the paths in the file named by QUEUE_PATHS,
-- sends the session cookie from STET_COOKIE (and Accept-Encoding from STET_ACCEPT_ENCODING when
-- set), and prints p95 (wrk's --latency stops at p90/p99).
local paths = {}
for line in io.lines(os.getenv("QUEUE_PATHS")) do paths[#paths + 1] = line end
local headers = { ["Cookie"] = os.getenv("STET_COOKIE") }
local encoding = os.getenv("STET_ACCEPT_ENCODING")
if encoding and encoding ~= "" then headers["Accept-Encoding"] = encoding end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %.2f %.2f %.2f %d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
