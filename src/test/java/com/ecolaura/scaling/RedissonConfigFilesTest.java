package com.ecolaura.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/** The Redisson files shipped in server-config/redis are what Redisson reads, with the settings the shop relies on. */
class RedissonConfigFilesTest {

    static Stream<Path> shippedFiles() throws IOException {
        return Files.list(Path.of("server-config/redis"))
                .filter(file -> file.toString().endsWith(".yaml"));
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void redissonReadsTheFileWithShortTimeoutsNoRetryAndLazyStart(Path file) throws IOException {
        var config = Config.fromYAML(file.toFile());
        assertTrue(config.isLazyInitialization(), "the shop must boot while Redis is down");
        var servers = config.isClusterConfig()
                ? config.useClusterServers()
                : config.isSentinelConfig() ? config.useSentinelServers() : config.useSingleServer();
        assertEquals(0, servers.getRetryAttempts(), "a failed cache call is a miss at once");
        assertTrue(servers.getTimeout() <= 1000, "timeout " + servers.getTimeout());
        assertEquals("ecolaura", servers.getUsername(), "the ACL user of users.acl");
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void onlyTheReplicaReadsFileReadsFromReplicas(Path file) throws IOException {
        var config = Config.fromYAML(file.toFile());
        ReadMode mode = config.isClusterConfig()
                ? config.useClusterServers().getReadMode()
                : config.isSentinelConfig() ? config.useSentinelServers().getReadMode() : ReadMode.MASTER;
        boolean replicaReads = file.getFileName().toString().contains("replica-reads");
        assertEquals(replicaReads ? ReadMode.SLAVE : ReadMode.MASTER, mode, file.toString());
    }
}
