package io.senseprobe.check.http;

import java.io.IOException;
import java.time.Duration;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;

/**
 * For an HTTP client that is not a check's (the alert destinations' POSTs): every answer's body is read up to 1 MiB
 * and for at most {@code total} from the moment its head arrived, past either the connection is dropped
 * ({@link BoundedEntity}). {@code what} names the answer in the error, never its URL (a Slack or Teams URL holds
 * the token).
 */
public record BoundedAnswers(String what, Duration total) implements ExecChainHandler {
    public static final String NAME = "bounded-answers";

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        return BoundedEntity.bound(chain.proceed(request, scope), scope.execRuntime, what, total);
    }
}
