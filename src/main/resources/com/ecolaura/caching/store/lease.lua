-- KEYS: hash, timeouts, lease, clock. ARGV: field, now (ms), token, lease (ms), force ('1': take the
-- lease even if an entry is there). {1, entry} | {2, clock, redis time (ms)} when leased | {3} when held.
if ARGV[5] ~= '1' then
  local value = redis.call('HGET', KEYS[1], ARGV[1])
  if value ~= false then
    local expiry = redis.call('ZSCORE', KEYS[2], ARGV[1])
    if expiry == false or tonumber(expiry) > tonumber(ARGV[2]) then return {1, value} end
  end
end
if redis.call('SET', KEYS[3], ARGV[3], 'NX', 'PX', ARGV[4]) then
  local time = redis.call('TIME')
  local clock = tonumber(redis.call('GET', KEYS[4]) or '0')
  return {2, clock, tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)}
end
return {3}
