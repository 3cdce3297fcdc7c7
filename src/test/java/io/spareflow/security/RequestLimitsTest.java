package io.spareflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.scan.internal.LabelPhotoDecoder;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Uploads and bodies as a careless or hostile client sends them: refused early, cheaply and clearly. */
@SpareflowIntegrationTest
class RequestLimitsTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    LabelPhotoDecoder decoder;
    @LocalServerPort
    int port;

    @Test
    void aSmallPngClaiming20000By20000PixelsIsRefusedInMillisecondsBeforeDecoding() throws Exception {
        byte[] bomb = png(20_000, 20_000, 1_000_000);
        assertThat(bomb.length).isGreaterThan(1_000_000);
        upload("depot-CTU", png(10, 10, 10)); // the first request of a fresh service pays for warming up

        long started = System.nanoTime();
        ResponseEntity<String> refused = upload("depot-CTU", bomb);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(refused.getStatusCode().value()).isEqualTo(413);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(refused.getBody()).get("detail").asText()).contains("20,000 × 20,000").contains("40 megapixels");
        assertThat(millis).as("refused after %d ms", millis).isLessThan(1_000);
    }

    @Test
    void onlyDepotStaffAndTechniciansDecodePhotos() {
        byte[] tiny = png(10, 10, 10);
        for (String user : new String[] {"agent", "supervisor", "admin"}) {
            assertThat(upload(user, tiny).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(upload("tech-RC-SZX", tiny).getStatusCode().value()).isNotEqualTo(403);
    }

    @Test
    void whenEveryDecoderIsBusyTheCallerIsToldToComeBackLater() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?>[] busy = new CompletableFuture<?>[3];
        for (int i = 0; i < busy.length; i++) {
            // a photo arriving slowly holds its decoder until the test lets it go
            busy[i] = CompletableFuture.runAsync(() -> {
                try {
                    decoder.decode(new HeldBack(release));
                } catch (RuntimeException ignored) {
                    // not an image: refused once it is released
                }
            });
        }
        Thread.sleep(300);
        try {
            ResponseEntity<String> refused = upload("depot-CTU", png(10, 10, 10));

            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(json.readTree(refused.getBody()).get("detail").asText()).contains("busy");
        } finally {
            release.countDown();
            CompletableFuture.allOf(busy).get(10, TimeUnit.SECONDS);
        }
        assertThat(upload("depot-CTU", png(10, 10, 10)).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aJsonBodyLargerThanOneMegabyteIsRefusedWhetherItAnnouncesItsLengthOrNot() throws Exception {
        String huge = "{\"code\":\"" + "A".repeat(2_000_000) + "\",\"action\":\"RECEIVE\",\"location\":\"CTU\",\"clientScanId\":\"x\"}";
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/scans"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("depot-CTU:demo".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> withLength = client.send(request.POST(HttpRequest.BodyPublishers.ofString(huge)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = client.send(request.POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> refused : java.util.List.of(withLength, chunked)) {
            assertThat(refused.statusCode()).isEqualTo(413);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("detail").asText()).contains("1 MB");
        }
    }

    @Test
    void problemDetailsAndErrorPagesNeverShowExceptionMessages() throws Exception {
        ResponseEntity<String> notJson = rest.withBasicAuth("depot-CTU", "demo").exchange("/api/scans", HttpMethod.POST,
                new HttpEntity<>("{\"code\": \"unterminated", jsonHeaders()), String.class);
        HttpHeaders html = new HttpHeaders();
        html.setAccept(java.util.List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> missingPage = rest.withBasicAuth("agent", "demo").exchange("/no-such-page", HttpMethod.GET,
                new HttpEntity<>(html), String.class);

        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody()).doesNotContain("Unexpected end-of-input").doesNotContain("at [Source");
        assertThat(missingPage.getStatusCode().value()).isEqualTo(404);
        assertThat(missingPage.getBody()).contains("nothing at this address").doesNotContain("Exception")
                .doesNotContain("No static resource");
    }

    @Test
    void theSignInPageNamesTheDemoUsersOnlyWhenDemoDataIsLoaded() {
        // the test profile loads the demo data; the postgres profile does not (spareflow.demo.enabled=false)
        assertThat(rest.getForEntity("/login", String.class).getBody()).contains("password <code>demo</code>");
    }

    private ResponseEntity<String> upload(String user, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("photo", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "photo.png";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").exchange("/api/scans/decode", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /** A PNG whose header claims {@code width × height} pixels, followed by {@code dataBytes} of (random) image data. */
    static byte[] png(int width, int height, int dataBytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {8, 2, 0, 0, 0});
            chunk(out, "IHDR", header.toByteArray());
            byte[] data = new byte[dataBytes];
            ThreadLocalRandom.current().nextBytes(data);
            chunk(out, "IDAT", data);
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        d.write(typeBytes);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** An upload that delivers nothing until released, then ends: it holds a decoder meanwhile. */
    private static final class HeldBack extends InputStream {

        private final CountDownLatch release;

        HeldBack(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }
}
