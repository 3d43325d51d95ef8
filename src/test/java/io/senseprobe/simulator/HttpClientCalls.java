package io.senseprobe.simulator;

import java.net.http.HttpClient;

/** Calls every HTTP listener once, so that each has live threads and connections to stop. */
final class HttpClientCalls {
    private HttpClientCalls() {
    }

    static void touchEveryHttpListener(SenseSimulator sim) throws Exception {
        HttpClient client = TlsClients.mutual(sim.files());
        for (Listener listener : Listener.values()) {
            if (listener == Listener.RESET || listener == Listener.SLOW || listener == Listener.TRICKLE) {
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
