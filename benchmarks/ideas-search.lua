-- wrk script for benchmarks/ideas-search.sh: each request is the next of a fixed mix of filtered full-text searches
-- (common and rare words, one to three filters, each sort order), and done() prints the latency percentiles.
local queries = {
  "/api/v1/ideas?q=robots&theme=learning-and-teaching",
  "/api/v1/ideas?q=school&theme=museums",
  "/api/v1/ideas?q=koulu+peli&kind=offer&language=fi",
  "/api/v1/ideas?q=kirjasto&environment=library&ageGroup=primary-school",
  "/api/v1/ideas?q=daycare&theme=early-childhood-education&sort=most-supported",
  "/api/v1/ideas?q=tapiola&kind=need",
  "/api/v1/ideas?q=climate+energy&theme=sustainable-development&sort=oldest",
  "/api/v1/ideas?q=bibliotek&language=sv&environment=library",
  "/api/v1/ideas?q=robots+otaniemi+survey+koulu&kind=offer",
  "/api/v1/ideas?q=museo&theme=museums&ageGroup=seniors&sort=recently-updated",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d)\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
