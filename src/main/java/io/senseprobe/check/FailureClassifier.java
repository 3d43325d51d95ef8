package io.senseprobe.check;

import io.senseprobe.definition.Definition;
import io.senseprobe.pem.PemException;
import io.senseprobe.result.Category;
import io.senseprobe.result.CertificateNames;
import io.senseprobe.result.CheckResult;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what went wrong into a category, one plain sentence and a hint, by walking the exception's cause chain
 * and using what this check's TLS handshakes showed (the server certificate, whether it asked for ours).
 * What a broken server causes (protocol violations, truncated bodies) is {@code bad-response}; an exception this
 * class does not know is {@code internal-error}, logged with its stack trace at debug, never a server problem.
 */
public record FailureClassifier(ResultFactory results) implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(FailureClassifier.class);
    private static final List<String> CLIENT_REJECTED_ALERTS = List.of("bad_certificate", "unknown_ca",
            "certificate_required", "access_denied", "certificate_unknown", "unsupported_certificate",
            "certificate_revoked", "certificate_expired", "decrypt_error");

    @Override
    public void process(Exchange exchange) {
        CheckAttempt attempt = exchange.getProperty(ExchangeProperties.ATTEMPT, CheckAttempt.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(classify(attempt, failure, exchange.getProperty(ExchangeProperties.PROXY, String.class)));
    }

    public CheckResult classify(CheckAttempt attempt, Throwable failure) {
        return classify(attempt, failure, null);
    }

    /** {@code proxy}: "host:port" of the HTTPS proxy the request went through, null when it went direct. */
    public CheckResult classify(CheckAttempt attempt, Throwable failure, String proxy) {
        Definition d = attempt.definition();
        List<Throwable> chain = causes(failure);
        String where = d.host() + " on port " + attempt.port();

        PemException pem = find(chain, PemException.class);
        if (pem != null) {
            return results.failed(attempt, pem.category(), pem.getMessage(), pem.fix());
        }
        if (attempt.timedOut()) {
            // the deadline aborted the request: what the abort threw says nothing about the server
            return timeout(attempt);
        }
        if (find(chain, ResponseTooLargeException.class) != null) {
            return results.failed(attempt, Category.BAD_RESPONSE, "The server at " + where + " answered " + attempt.path()
                    + " with more than 1 MiB (" + ResponseTooLargeException.LIMIT_BYTES
                    + " bytes); sense-probe stopped reading at that limit.", null);
        }
        CheckResult proxyFailure = ProxyFailures.classify(results, attempt, chain, proxy);
        if (proxyFailure != null) {
            return proxyFailure;
        }
        X509Certificate server = attempt.tlsSeen().serverCertificate();
        if (hostnameMismatch(chain)) {
            return mismatch(attempt, server);
        }
        if (expired(chain) || (server != null && isTlsFailure(chain) && server.getNotAfter().toInstant().isBefore(results.clock().instant()))) {
            String when = server == null ? "" : " on " + server.getNotAfter().toInstant();
            return results.failed(attempt, Category.TLS_EXPIRED_SERVER,
                    "The server certificate of " + where + " expired" + when + ".", null);
        }
        if (untrusted(chain)) {
            String issuer = server == null ? "" : " (issued by " + server.getIssuerX500Principal().getName() + ")";
            return results.failed(attempt, Category.TLS_UNTRUSTED_SERVER,
                    "The server certificate of " + where + " is not signed by a trusted root" + issuer + ".", untrustedHint(d));
        }
        if (protocolRefused(chain)) {
            return results.failed(attempt, Category.TLS_PROTOCOL, "The server at " + where
                    + " and sense-probe share no TLS version: sense-probe speaks only TLS 1.2 and 1.3.", null);
        }
        String alert = clientRejectedAlert(chain);
        boolean askedForOurs = attempt.tlsSeen().clientCertRequested();
        if (alert != null || (askedForOurs && (isTlsFailure(chain) || isReset(chain)))) {
            return results.failed(attempt, Category.TLS_CLIENT_REJECTED, "The server at " + where
                    + " rejected the client certificate" + (alert == null ? "" : " (TLS alert " + alert + ")") + ".", PortHints.jwtCutOff(d, attempt.port()));
        }
        if (find(chain, UnknownHostException.class) != null) {
            return results.failed(attempt, Category.DNS, "The host name " + d.host() + " cannot be resolved.", null);
        }
        if (timedOut(chain)) {
            return timeout(attempt);
        }
        if (find(chain, ConnectException.class) != null) {
            return results.failed(attempt, Category.CONNECTION_REFUSED, "Nothing accepts connections at " + where + ".", null);
        }
        if (isReset(chain) || isTlsFailure(chain)) {
            return results.failed(attempt, Category.CONNECTION_RESET, "The server at " + where
                    + " closed the connection before answering" + (isTlsFailure(chain) ? " (during the TLS handshake)" : "") + ".",
                    PortHints.jwtCutOff(d, attempt.port()));
        }
        if (brokenResponse(chain)) {
            return results.failed(attempt, Category.BAD_RESPONSE, "The server at " + where
                    + " sent a broken HTTP answer: " + describe(failure) + ".", null);
        }
        LOG.debug("Connection {}: unexpected failure while checking {}", d.name(), where, failure);
        return results.failed(attempt, Category.INTERNAL_ERROR, "sense-probe failed while checking " + where
                + " (" + (failure == null ? "no exception" : failure.getClass().getSimpleName()) + ").", null);
    }

    private CheckResult timeout(CheckAttempt attempt) {
        Definition d = attempt.definition();
        return results.failed(attempt, Category.TIMEOUT, "No answer from " + d.host() + " on port " + attempt.port()
                + " within " + d.timeout().toMillis() + " ms.", null);
    }

    /** Protocol violations and bodies cut short: httpclient5 wraps HttpExceptions in ClientProtocolException. */
    private static boolean brokenResponse(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof HttpException || t instanceof MalformedChunkCodingException
                    || t instanceof TruncatedChunkException || t instanceof MessageConstraintException
                    || (t instanceof ConnectionClosedException && lower(t).contains("premature end"))
                    || t instanceof ClientProtocolException) {
                return true;
            }
        }
        return false;
    }

    private CheckResult mismatch(CheckAttempt attempt, X509Certificate server) {
        Definition d = attempt.definition();
        List<String> names = server == null ? List.of() : CertificateNames.of(server);
        String holds = names.isEmpty() ? "it holds no DNS or IP names"
                : "it holds " + (names.size() == 1 ? "the name " : "the names ") + String.join(", ", names);
        String hint = names.isEmpty() ? "Set secure: false, or give the server a certificate for " + d.host() + "."
                : "Use host: " + firstUsable(names) + " (a name the certificate holds), or set secure: false.";
        return results.failed(attempt, Category.TLS_HOSTNAME_MISMATCH,
                "The server certificate of " + d.host() + " on port " + attempt.port() + " is not valid for \"" + d.host() + "\": "
                        + holds + ".", hint);
    }

    private static String firstUsable(List<String> names) {
        return names.stream().filter(n -> !n.startsWith("*")).findFirst().orElse(names.get(0));
    }

    private static String untrustedHint(Definition d) {
        return switch (d.authType()) {
            case CERT -> "Export root.pem from this Sense site's QMC and give it as auth-root-cert-file, or set secure: false.";
            default -> "Give the CA that signed the server certificate as auth-root-cert-file, or set secure: false.";
        };
    }

    private static boolean hostnameMismatch(List<Throwable> chain) {
        for (Throwable t : chain) {
            String m = lower(t);
            if ((t instanceof SSLPeerUnverifiedException && m.contains("doesn't match"))
                    || m.contains("no subject alternative") || m.contains("no name matching")) {
                return true;
            }
        }
        return false;
    }

    private static boolean expired(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof CertificateExpiredException || (t instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED)) {
                return true;
            }
        }
        return false;
    }

    private static boolean untrusted(List<Throwable> chain) {
        for (Throwable t : chain) {
            String m = lower(t);
            if (t.getClass().getName().endsWith("SunCertPathBuilderException")
                    || m.contains("unable to find valid certification path") || m.contains("pkix path")
                    || t instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    private static String clientRejectedAlert(List<Throwable> chain) {
        for (Throwable t : chain) {
            String m = lower(t);
            if (m.contains("received fatal alert")) {
                for (String alert : CLIENT_REJECTED_ALERTS) {
                    if (m.contains(alert)) {
                        return alert;
                    }
                }
            }
        }
        return null;
    }

    /** The server's protocol_version alert, or the JDK refusing the version the server chose. */
    private static boolean protocolRefused(List<Throwable> chain) {
        for (Throwable t : chain) {
            String m = lower(t);
            if (t instanceof SSLException && (m.contains("protocol_version") || m.contains("not accepted by client preferences")
                    || m.contains("no appropriate protocol"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().equals("ConnectTimeoutException")
                    || (t instanceof InterruptedIOException && lower(t).contains("timed out"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReset(List<Throwable> chain) {
        for (Throwable t : chain) {
            String m = lower(t);
            if ((t instanceof SocketException && !(t instanceof ConnectException))
                    || t instanceof java.io.EOFException || t.getClass().getSimpleName().equals("NoHttpResponseException")
                    || m.contains("connection reset") || m.contains("broken pipe")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTlsFailure(List<Throwable> chain) {
        return find(chain, SSLException.class) != null;
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
            for (Throwable s : t.getSuppressed()) {
                chain.add(s);
            }
        }
        return chain;
    }

    private static <T extends Throwable> T find(List<Throwable> chain, Class<T> type) {
        for (Throwable t : chain) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String lower(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.replaceAll("\\s+", " ");
    }
}
