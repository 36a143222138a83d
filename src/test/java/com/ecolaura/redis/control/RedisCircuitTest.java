package com.ecolaura.redis.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecolaura.caching.codec.RejectedEntryException;
import javax.cache.CacheException;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisOutOfMemoryException;
import org.redisson.client.RedisResponseTimeoutException;

class RedisCircuitTest {

    @Test
    void noAnswerFromRedisIsAnOutageWhereverItIsWrapped() {
        assertTrue(RedisCircuit.isOutage(new RedisResponseTimeoutException("no reply in 500 ms")));
        assertTrue(RedisCircuit.isOutage(new CacheException(new RedisConnectionException("refused"))));
        assertTrue(RedisCircuit.isOutage(
                new IllegalStateException(new CacheException(new java.io.IOException("reset by peer")))));
    }

    @Test
    void anErrorRedisAnsweredWithIsNotAnOutage() {
        assertFalse(RedisCircuit.isOutage(
                new RedisOutOfMemoryException("command not allowed when used memory > 'maxmemory'")));
        assertFalse(
                RedisCircuit.isOutage(new CacheException(new RedisException("NOPERM this user has no permissions"))));
        assertFalse(RedisCircuit.isOutage(new RejectedEntryException("not JSON")));
    }
}
