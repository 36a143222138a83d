-- KEYS: hash, timeouts, clock, fence-all. ARGV: fence window (ms), channel, message.
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('PUBLISH', ARGV[2], ARGV[3])
local clock = redis.call('INCR', KEYS[3])
redis.call('SET', KEYS[4], clock, 'PX', ARGV[1])
return clock
