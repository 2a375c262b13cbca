-- wrk script for benchmarks/web_pages.py: GET the paths given after "--" in turn,
-- then print the latency percentiles (microseconds) and the counts as one JSON line.

local paths = {}
local counter = 0

function init(args)
  for i, path in ipairs(args) do
    paths[i] = path
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter - 1) % #paths + 1])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "failed": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d}\n',
    summary.requests,
    errors.connect + errors.read + errors.write + errors.status + errors.timeout,
    latency:percentile(50),
    latency:percentile(95),
    latency:percentile(99),
    latency.max
  ))
end
