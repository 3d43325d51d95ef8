package io.senseprobe.check;

import static io.senseprobe.check.CheckAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.senseprobe.definition.Definition;
import io.senseprobe.result.Category;
import io.senseprobe.result.CheckResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import org.apache.camel.RuntimeCamelException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.junit.jupiter.api.Test;

/**
 * What the classifier makes of exceptions it has no rule for (our bugs: internal-error, never passing for a server
 * problem) and of what a broken server causes in httpclient5 (bad-response).
 */
class UnknownAndBrokenFailuresTest {
    private final ResultFactory results = new ResultFactory(Clock.systemUTC());
    private final FailureClassifier classifier = new FailureClassifier(results);

    private CheckResult classify(Throwable failure) {
        Definition d = new Definition("site", io.senseprobe.definition.Target.QSEOW, "sense.example", 4242, "",
                io.senseprobe.definition.AuthType.CERT, "INTERNAL", "sa_api", null, null, null, null, null, null,
                true, Duration.ofSeconds(10), Definition.Overrides.NONE, null);
        return classifier.classify(new CheckAttempt(d, SenseCheck.QRS_ABOUT, results.clock().instant()), failure);
    }

    @Test
    void anExceptionWithoutARuleIsAnInternalErrorNotAServerProblem() {
        CheckResult result = classify(new RuntimeCamelException(new ConcurrentModificationException()));
        assertFailed(Category.INTERNAL_ERROR, result);
        assertTrue(result.message().startsWith("sense-probe failed while checking sense.example on port 4242"), result.message());
        assertTrue(result.hint().contains("report"), result.hint());
    }

    @Test
    void protocolViolationsAndCutBodiesAreBadResponses() {
        for (Throwable broken : new Throwable[] {
                new ClientProtocolException("bad", new ProtocolException("Invalid header")),
                new MalformedChunkCodingException("Bad chunk header"),
                new TruncatedChunkException("Truncated chunk"),
                new ConnectionClosedException("Premature end of Content-Length delimited message body (expected: 120; received: 40)")}) {
            CheckResult result = classify(broken);
            assertFailed(Category.BAD_RESPONSE, result);
            assertFalse(result.message().contains("Exception"), result.message());
        }
    }
}
