-- KEYS: hash, timeouts, clock, fence. ARGV: field, entry, expiry (ms), fence window (ms), channel,
-- message. A value given by the application replaces the entry, and fences off computations
-- that started before it.
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('PUBLISH', ARGV[5], ARGV[6])
local clock = redis.call('INCR', KEYS[3])
redis.call('SET', KEYS[4], clock, 'PX', ARGV[4])
return clock
