package io.spareflow.web.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.scan.ScanCode;
import io.spareflow.scan.ScanReply;
import io.spareflow.scan.ScanRequest;
import io.spareflow.scan.Scans;
import io.spareflow.user.Users;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the scan station's script calls. The browser posts its scans here, on the signed-in session with the CSRF
 * header, rather than to the stateless HTTP Basic API: the page never holds a password. The scan itself is the API's
 * ({@link Scans}), and errors are problems (application/problem+json) like the API's.
 */
@RestController
@Hidden
class ScanStationEndpoints {

    private final Scans scans;

    ScanStationEndpoints(Scans scans) {
        this.scans = scans;
    }

    /** Same contract as POST /api/scans: the first answer to a clientScanId, replayed on a retry. */
    @PostMapping(path = "/scan/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> submit(@Valid @RequestBody ScanRequest request) {
        ScanReply reply = scans.scan(request, CurrentUser.require());
        return ResponseEntity.status(reply.status())
                .contentType(reply.isProblem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
                .body(reply.body());
    }

    /**
     * Who is signed in on this session (all null when nobody is), and its CSRF token: the page refreshes its token after
     * a sign-in in another tab. Open to anonymous requests, so an expired session is answered here rather than with an
     * authentication challenge the browser would prompt for.
     */
    record StationSession(String username, String csrfHeader, String csrfToken) {
    }

    @GetMapping(path = "/scan/session", produces = MediaType.APPLICATION_JSON_VALUE)
    StationSession session(CsrfToken csrf) {
        return Users.current().map(user -> new StationSession(user.username(), csrf.getHeaderName(), csrf.getToken()))
                .orElseGet(() -> new StationSession(null, null, null));
    }

    @PostMapping(path = "/scan/decode", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ScanCode decode(@RequestPart("photo") MultipartFile photo) {
        try (InputStream in = photo.getInputStream()) {
            return scans.readPhoto(in);
        } catch (IOException e) {
            throw new InvalidInputException(Message.of("errors.photo.upload", e.getMessage()),
                    Map.of("photo", Message.of("errors.photo.upload.field")));
        }
    }
}
