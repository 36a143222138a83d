-- KEYS: hash, timeouts, lease, fence, fence-all. ARGV: field, entry, expiry (ms), token, clock at
-- the lease, time of the lease (ms), fence window (ms). 1 when written, 0 when fenced off.
local clock = tonumber(ARGV[5])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local written = 0
if tonumber(redis.call('GET', KEYS[4]) or '0') <= clock
    and tonumber(redis.call('GET', KEYS[5]) or '0') <= clock
    and now - tonumber(ARGV[6]) <= tonumber(ARGV[7]) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
  written = 1
end
if redis.call('GET', KEYS[3]) == ARGV[4] then redis.call('DEL', KEYS[3]) end
return written
