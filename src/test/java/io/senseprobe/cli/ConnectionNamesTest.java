package io.senseprobe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.senseprobe.definition.Target;
import org.junit.jupiter.api.Test;

class ConnectionNamesTest {

    @Test
    void aConnectionTestIsNamedAfterItsHostOrTheMissingOption() {
        assertEquals("sense1.corp.example", ConnectionNames.fromHost("sense1.corp.example", Target.QSEOW));
        assertEquals("tenant.eu.qlikcloud.com", ConnectionNames.fromHost("https://tenant.eu.qlikcloud.com/", Target.QSCLOUD));
        assertEquals("localhost", ConnectionNames.fromHost("localhost:4242", Target.QSEOW));
        assertEquals("no-host", ConnectionNames.fromHost(null, Target.QSEOW));
        assertEquals("no-tenant-host", ConnectionNames.fromHost(" ", Target.QSCLOUD));
        assertEquals("___1_", ConnectionNames.fromHost("[::1]", Target.QSEOW));
    }
}
