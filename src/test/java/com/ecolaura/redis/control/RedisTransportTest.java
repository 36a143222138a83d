package com.ecolaura.redis.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;
import org.redisson.config.TransportMode;

class RedisTransportTest {

    @Test
    void onLinuxX86TheBundledEpollLoadsAndIsTheDefault() {
        assumeTrue(
                System.getProperty("os.name").equals("Linux")
                        && System.getProperty("os.arch").equals("amd64"),
                "the bundled native epoll is for Linux x86-64");
        // fails when the native library is missing or not the Netty version Redisson runs on
        assertTrue(Epoll.isAvailable(), () -> "epoll not loadable: " + Epoll.unavailabilityCause());
        assertEquals(TransportMode.EPOLL, SharedRedis.transport("auto"));
    }

    @Test
    void eitherTransportCanBeChosen() {
        assertEquals(TransportMode.NIO, SharedRedis.transport("nio"));
        assertEquals(TransportMode.EPOLL, SharedRedis.transport("epoll"));
    }

    @Test
    void anUnknownTransportIsAClearError() {
        var refused = assertThrows(IllegalArgumentException.class, () -> SharedRedis.transport("io_uring"));
        assertEquals("ecolaura.redis.transport is auto, epoll or nio, not io_uring", refused.getMessage());
    }
}
