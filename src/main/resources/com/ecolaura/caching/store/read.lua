-- KEYS: hash, timeouts. ARGV: field, now (ms). The entry unless it has expired.
local value = redis.call('HGET', KEYS[1], ARGV[1])
if value == false then return false end
local expiry = redis.call('ZSCORE', KEYS[2], ARGV[1])
if expiry ~= false and tonumber(expiry) <= tonumber(ARGV[2]) then return false end
return value
