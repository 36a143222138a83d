-- KEYS: hash, timeouts, clock, fence. ARGV: field, fence window (ms), channel, message. Deletes,
-- tells the near caches, then moves the fence.
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('PUBLISH', ARGV[3], ARGV[4])
local clock = redis.call('INCR', KEYS[3])
redis.call('SET', KEYS[4], clock, 'PX', ARGV[2])
return clock
