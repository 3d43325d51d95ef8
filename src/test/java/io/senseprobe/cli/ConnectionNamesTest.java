package io.senseprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectionNamesTest {

    @Test
    void aConnectionTestIsNamedAfterItsHost() {
        assertEquals("sense1.corp.example", ConnectionNames.fromHost("sense1.corp.example"));
        assertEquals("tenant.eu.qlikcloud.com", ConnectionNames.fromHost("https://tenant.eu.qlikcloud.com/"));
        assertEquals("localhost", ConnectionNames.fromHost("localhost:4242"));
        assertEquals("connection-test", ConnectionNames.fromHost(null));
        assertEquals("___1_", ConnectionNames.fromHost("[::1]"));
    }
}
