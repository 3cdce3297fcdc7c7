package io.spareflow.benchmark;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.scan.ScanAction;
import io.spareflow.scan.ScanRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The scan the scan benchmarks measure: a RECEIVE at CTU by depot-CTU of a board in transit, each with its own id. */
final class ReceiveScans {

    private ReceiveScans() {
    }

    /** {@code count} new boards IN_TRANSIT to CTU, their serials starting with {@code prefix}. */
    static List<String> inTransit(Boards boards, String prefix, int count) {
        String serials = prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        List<NewBoard> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new NewBoard(serials + String.format("%06d", i), "130103811", "B", BoardStatus.IN_TRANSIT, "CTU", null));
        }
        boards.registerAll(batch);
        return batch.stream().map(NewBoard::serial).toList();
    }

    static ScanRequest request(String serial) {
        return new ScanRequest(serial, ScanAction.RECEIVE, "CTU", UUID.randomUUID().toString(), "bench", null, null,
                null, null, null, null);
    }

    /** The body of {@code POST /api/scans} for the same scan. */
    static String json(String serial) {
        return "{\"code\":\"" + serial + "\",\"action\":\"RECEIVE\",\"location\":\"CTU\",\"clientScanId\":\""
                + UUID.randomUUID() + "\",\"device\":\"bench\"}";
    }

    /** The scan through {@code POST /api/scans} with {@code authorization}; fails unless answered 200. */
    static void overHttp(HttpClient http, int port, String authorization, String serial) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/scans"))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json(serial))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("scan of " + serial + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
