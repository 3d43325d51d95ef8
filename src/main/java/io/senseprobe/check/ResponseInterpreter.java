package io.senseprobe.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.senseprobe.definition.Definition;
import io.senseprobe.result.Category;
import io.senseprobe.result.Status;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Reads Sense's HTTP answer. Sets the result as the body, or asks the route for another request:
 * after a 429 whose retry-after fits in the deadline, or to follow one redirect to the same origin.
 */
public record ResponseInterpreter(ResultFactory results) implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XSRF = "XSRF prevention check failed";
    private static final long RETRY_MARGIN_MS = 50;

    @Override
    public void process(Exchange exchange) throws Exception {
        CheckAttempt attempt = exchange.getProperty(ExchangeProperties.ATTEMPT, CheckAttempt.class);
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        byte[] bytes = message.getBody(byte[].class);
        String body = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        if (status >= 200 && status < 300) {
            message.setBody(success(exchange, attempt, body));
        } else if (status == 429) {
            rateLimited(exchange, attempt, message.getHeader("Retry-After", String.class));
        } else if (status >= 300 && status < 400) {
            redirected(exchange, attempt, status, message.getHeader("Location", String.class));
        } else {
            message.setBody(error(attempt, status, body));
        }
    }

    private Object success(Exchange exchange, CheckAttempt attempt, String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isContainerNode()) {
                return badResponse(attempt, "The server answered " + attempt.path() + " without a JSON object.");
            }
            Finding finding = attempt.check().interpret(json, attempt);
            if (finding.next() != null) {
                attempt.nextRequest(finding.next());
                exchange.setProperty(ExchangeProperties.AGAIN, true);
                return null;
            }
            return finding.status() == Status.OK ? results.ok(attempt, finding.sense())
                    : results.found(attempt, finding.status(), finding.category(), finding.message(), finding.hint(),
                            finding.sense());
        } catch (IOException e) {
            if (!endedEarly(e)) {
                return badResponse(attempt, "The server answered " + attempt.path() + " with something other than JSON ("
                        + excerpt(body) + ").");
            }
            return badResponse(attempt, "The server's answer to " + attempt.path() + " ends in the middle of its JSON (after "
                    + body.getBytes(StandardCharsets.UTF_8).length + " bytes): the answer was cut short.");
        } catch (BadResponseException e) {
            return badResponse(attempt, e.getMessage());
        }
    }

    /** JSON that started well and stopped: Jackson says end-of-input, in a value (EOF) or between entries. */
    private static boolean endedEarly(IOException e) {
        return e instanceof JsonEOFException || (e instanceof JsonProcessingException json
                && json.getOriginalMessage() != null && json.getOriginalMessage().startsWith("Unexpected end-of-input"));
    }

    private Object badResponse(CheckAttempt attempt, String message) {
        return results.failed(attempt, Category.BAD_RESPONSE, message, null);
    }

    private void rateLimited(Exchange exchange, CheckAttempt attempt, String retryAfter) throws InterruptedException {
        long waitMs = retryAfterMillis(retryAfter, results.clock().instant());
        if (waitMs >= 0 && waitMs + RETRY_MARGIN_MS < attempt.remainingMillis()) {
            Thread.sleep(waitMs + RETRY_MARGIN_MS);
            exchange.setProperty(ExchangeProperties.AGAIN, true);
            return;
        }
        String after = waitMs < 0 ? "without saying when to retry"
                : "and asks to retry after " + Duration.ofMillis(waitMs).toSeconds() + " s, past the "
                        + attempt.definition().timeout().toMillis() + " ms timeout";
        exchange.getMessage().setBody(results.failed(attempt, Category.RATE_LIMITED,
                "The server rate-limited the request (HTTP 429) " + after + ".", null));
    }

    static long retryAfterMillis(String value, java.time.Instant now) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return (long) (Double.parseDouble(value.trim()) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(now, at.toInstant()).toMillis());
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }

    private void redirected(Exchange exchange, CheckAttempt attempt, int status, String location) {
        Definition d = attempt.definition();
        URI target = resolve(d, attempt.port(), attempt.path(), location);
        if (target != null && attempt.redirects() == 0 && sameOrigin(d, attempt.port(), target)) {
            attempt.redirectTo(target.getRawPath(), withoutXrfkey(target.getRawQuery()));
            exchange.setProperty(ExchangeProperties.AGAIN, true);
            return;
        }
        String why = target != null && sameOrigin(d, attempt.port(), target)
                ? "sense-probe follows one redirect only"
                : "sense-probe does not follow redirects to another host, port or scheme, so credentials stay with " + d.host();
        exchange.getMessage().setBody(results.failed(attempt, Category.HTTP_ERROR,
                "The server answered HTTP " + status + " redirecting to " + location + "; " + why + ".",
                "Point host and port (or tenant-host) at the server the redirect names, if you trust it."));
    }

    private static URI resolve(Definition d, int sitePort, String path, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            return new URI("https", null, d.host(), sitePort, path, null, null).resolve(location.trim());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameOrigin(Definition d, int sitePort, URI target) {
        int port = target.getPort() == -1 ? 443 : target.getPort();
        return "https".equalsIgnoreCase(target.getScheme()) && d.host().equalsIgnoreCase(target.getHost())
                && port == sitePort;
    }

    private static String withoutXrfkey(String query) {
        if (query == null) {
            return "";
        }
        return Arrays.stream(query.split("&")).filter(p -> !p.toLowerCase().startsWith("xrfkey="))
                .collect(Collectors.joining("&"));
    }

    private Object error(CheckAttempt attempt, int status, String body) {
        Definition d = attempt.definition();
        String cloudError = CloudErrors.describe(body);
        String detail = cloudError.isEmpty() ? "" : ": " + cloudError;
        if (status == 403 && body.contains(XSRF)) {
            return results.failed(attempt, Category.HTTP_ERROR,
                    "The server refused the request as a possible XSRF attack (HTTP 403, xrfkey check failed).",
                    "Something between sense-probe and Sense changes the query or headers; check proxies in between.");
        }
        if (status == 401 || status == 403) {
            return results.failed(attempt, Category.AUTH_REJECTED,
                    "The server refused the credentials (HTTP " + status + ")" + detail + ".", authHint(d, status));
        }
        if (status == 404 && !d.prefixPath().isEmpty() && attempt.path().contains(d.prefixPath() + "/")) {
            return results.failed(attempt, Category.HTTP_ERROR,
                    "The server answered HTTP 404 for " + attempt.path() + ": there is no virtual proxy with the prefix \""
                            + d.virtualProxy() + "\".",
                    "Use the virtual proxy's prefix, not its description (QMC > Virtual proxies > Prefix).");
        }
        String hint = status == 404 ? PortHints.notFound(d, attempt.port()) : status == 500 ? PortHints.serverError(d, attempt.port()) : null;
        return results.failed(attempt, Category.HTTP_ERROR,
                "The server answered HTTP " + status + " for " + attempt.path() + detail + ".", hint);
    }

    private static String authHint(Definition d, int status) {
        return switch (d.authType()) {
            case JWT -> "Check that the JWT is signed with the key whose certificate the virtual proxy \"" + d.virtualProxy()
                    + "\" holds, has not expired, and carries the user id and directory claims the proxy expects.";
            case APIKEY -> "Check the API key: it may be expired, revoked, or from another tenant. Create a new one in the Qlik Cloud hub (Profile > API keys).";
            case CERT -> status == 403
                    ? "The user " + d.userDir() + "\\" + d.userId() + " may lack access; check auth-user-dir and auth-user-id."
                    : "Check auth-user-dir and auth-user-id.";
        };
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.isEmpty() ? "an empty body" : "starts with \"" + (flat.length() > 60 ? flat.substring(0, 60) + "…" : flat) + "\"";
    }

}
