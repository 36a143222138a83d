-- The benchmark's shop workload for wrk (see bench/README.md). Arguments after "--":
--   <mode> <data folder>; mode "shop" runs the mix below, "hot" only product details of the 100
--   most popular products (the cache-hit path), "ceiling" only the constant benchmark response,
--   "reads" the cold-start load: 70% product detail, 30% sustainability score, Zipf(1.1) products.
-- Mix: 60% product detail, 15% sustainability score, 15% search, 5% trending, 5% updates.
-- Product popularity is Zipf(1.1) over the catalog; search queries are Zipf(1.1) over a list of
-- a few hundred; updates change a popular product's stock.

local ZIPF_EXPONENT = 1.1
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("number", thread_count)
  table.insert(threads, thread)
end

local function lines(path)
  local result = {}
  for line in io.lines(path) do
    if line ~= "" then table.insert(result, line) end
  end
  return result
end

-- cumulative Zipf(s) weights of ranks 1..n, sampled by binary search
local function zipf(n, s)
  local cdf, sum = {}, 0
  for k = 1, n do
    sum = sum + 1 / (k ^ s)
    cdf[k] = sum
  end
  for k = 1, n do cdf[k] = cdf[k] / sum end
  return cdf
end

local function draw(cdf)
  local u = math.random()
  local low, high = 1, #cdf
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cdf[middle] < u then low = middle + 1 else high = middle end
  end
  return low
end

local mode, products, queries, updates, product_cdf, query_cdf, update_count
local counts = {}

function init(args)
  mode = args[1]
  local folder = args[2]
  -- fixed seeds: every run draws the same sequence, per wrk thread
  math.randomseed(7919 * (number or 1))
  products = tonumber(lines(folder .. "/catalog-size.txt")[1])
  product_cdf = zipf(products, ZIPF_EXPONENT)
  queries = lines(folder .. "/queries.txt")
  query_cdf = zipf(#queries, ZIPF_EXPONENT)
  updates = lines(folder .. "/updates.txt")
  update_count = #updates
end

local json_headers = { ["Content-Type"] = "application/json" }

local function product_id()
  return draw(product_cdf)
end

function request()
  if mode == "ceiling" then
    return wrk.format("GET", "/api/benchmark/ceiling")
  end
  if mode == "hot" then
    return wrk.format("GET", "/api/products/" .. math.random(1, 100))
  end
  if mode == "reads" then
    if math.random() < 0.70 then
      return wrk.format("GET", "/api/products/" .. product_id())
    end
    return wrk.format("GET", "/api/products/" .. product_id() .. "/sustainability-score")
  end
  local r = math.random()
  if r < 0.60 then
    return wrk.format("GET", "/api/products/" .. product_id())
  elseif r < 0.75 then
    return wrk.format("GET", "/api/products/" .. product_id() .. "/sustainability-score")
  elseif r < 0.90 then
    return wrk.format("GET", "/api/search?" .. queries[draw(query_cdf)])
  elseif r < 0.95 then
    return wrk.format("GET", "/api/products/trending?limit=10")
  else
    local line = updates[math.random(1, update_count)]
    local tab = line:find("\t")
    local id, body = line:sub(1, tab - 1), line:sub(tab + 1)
    body = body:gsub("__STOCK__", tostring(math.random(0, 500)))
    return wrk.format("PUT", "/api/products/" .. id, json_headers, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d "
      .. "connect_errors=%d read_errors=%d write_errors=%d status_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
