package com.ecolaura.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AdminGateTest {

    @Test
    void aWellFormedBasicHeaderGivesItsCredentials() {
        var credential = AdminGate.basic(
                        "Basic " + Base64.getEncoder().encodeToString("admin:pa:ss".getBytes(StandardCharsets.UTF_8)))
                .orElseThrow();

        assertEquals("admin", credential.user());
        assertEquals("pa:ss", credential.password());
    }

    @Test
    void aHeaderThatCannotBeReadIsNoCredentialsNotAnError() {
        for (String header : new String[] {
            null,
            "",
            "Basic",
            "Basic ",
            "Basic ../../etc/passwd",
            "Basic -1",
            "Basic \"",
            "Bearer abc",
            "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
            "Basic " + Base64.getEncoder().encodeToString(":empty-user".getBytes(StandardCharsets.UTF_8))
        }) {
            assertTrue(AdminGate.basic(header).isEmpty(), String.valueOf(header));
        }
    }
}
