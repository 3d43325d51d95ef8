package io.senseprobe.sink.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.senseprobe.alert.AlertJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs a JSON body and fails on anything but 2xx. Errors name the destination id, never the URL (which holds the
 * token for Slack and Teams).
 */
public final class JsonPoster {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public void post(String destinationId, String url, JsonNode body) throws IOException, InterruptedException {
        byte[] json = AlertJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new IOException(destinationId + " answered HTTP " + status
                    + (answer.isEmpty() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer)));
        }
    }
}
