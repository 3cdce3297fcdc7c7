-- wrk script of ScanIngestBenchmark: each request a RECEIVE scan of its own board (serial prefix .. six digits,
-- 0 .. boards-1, registered IN_TRANSIT by the benchmark) with its own clientScanId, over keep-alive connections, as
-- pgbench drives PostgreSQL: a closed loop, the next request of a connection when its answer is in.
-- Arguments after "--": serial prefix, number of boards, Authorization header value.
local threads = {}

function setup(thread)
    thread:set("first", #threads)
    table.insert(threads, thread)
end

function init(args)
    prefix, boards, authorization = args[1], tonumber(args[2]), args[3]
    step = tonumber(args[4])
    nextBoard = first
    ranOut = 0
    headers = { ["Content-Type"] = "application/json", ["Authorization"] = authorization }
end

function request()
    if nextBoard >= boards then
        -- more scans than boards: the benchmark registers too few; it reports this and fails
        ranOut = ranOut + 1
        wrk.thread:stop()
    end
    local serial = string.format("%s%06d", prefix, nextBoard % boards)
    local body = string.format('{"code":"%s","action":"RECEIVE","location":"CTU","clientScanId":"wrk-%s","device":"bench"}',
        serial, serial)
    nextBoard = nextBoard + step
    return wrk.format("POST", "/api/scans", headers, body)
end

function done(summary, latency, requests)
    local ranOut = 0
    for _, thread in ipairs(threads) do
        ranOut = ranOut + thread:get("ranOut")
    end
    local e = summary.errors
    io.write(string.format("WRK requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d ran_out=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
        e.connect + e.read + e.write + e.status + e.timeout, ranOut))
end
