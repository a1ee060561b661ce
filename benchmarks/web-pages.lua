-- wrk script for benchmarks/web-pages.sh: requests the page in PAGES (a file of paths, one per line) in turn, and
-- done() prints the latency percentiles.
local paths = {}
for line in io.lines(os.getenv("PAGES")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Accept-Language"] = "fi" })
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d)\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
