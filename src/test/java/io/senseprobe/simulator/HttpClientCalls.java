package io.senseprobe.simulator;

import java.net.http.HttpClient;
import java.util.EnumSet;

/** Calls every HTTP listener once, so that each has live threads and connections to stop. */
final class HttpClientCalls {
    private HttpClientCalls() {
    }

    static void touchEveryHttpListener(SenseSimulator sim) throws Exception {
        HttpClient client = TlsClients.mutual(sim.files());
        for (Listener listener : Listener.values()) {
            // the ones that never finish an answer (or never answer) would hold the test up
            if (EnumSet.of(Listener.RESET, Listener.SLOW, Listener.TRICKLE, Listener.ENDLESS_BODY,
                    Listener.SLOW_HEADERS, Listener.HEADER_FLOOD, Listener.TLS_STALL).contains(listener)) {
                continue;
            }
            try {
                TlsClients.getWithXrfkey(client, sim.port(listener), "/qrs/about");
            } catch (java.io.IOException e) {
                // the TLS faults refuse the handshake; the call still exercised the listener
            }
        }
    }
}
