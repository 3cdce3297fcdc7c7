package io.spareflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.notify.Mailboxes;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A browser on the portal, over HTTP: it keeps its session cookie and sends each form with the page's CSRF token. */
public final class PortalClient {

    static final Pattern SIGN_IN_LINK = Pattern.compile("/portal/sign-in/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final TestRestTemplate rest;
    private final String clientAddress;
    private String cookie;

    /** A client of its own address (as a reverse proxy reports it), so tests do not share the per-client budget. */
    PortalClient(TestRestTemplate rest) {
        this(rest, "198.51." + (CLIENTS.incrementAndGet() / 250) + "." + (1 + CLIENTS.get() % 250));
    }

    PortalClient(TestRestTemplate rest, String clientAddress) {
        this.rest = rest;
        this.clientAddress = clientAddress;
    }

    ResponseEntity<String> get(String path) {
        ResponseEntity<String> page = rest.withRedirects(Redirects.DONT_FOLLOW).exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers()), String.class);
        remember(page);
        return page;
    }

    ResponseEntity<byte[]> getBytes(String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), byte[].class);
    }

    /** Opens {@code formPage}, then posts the form there to {@code action} with these fields and the page's CSRF token. */
    ResponseEntity<String> submit(String formPage, String action, Map<String, String> fields) {
        String page = get(formPage).getBody();
        Matcher csrf = CSRF_FIELD.matcher(page == null ? "" : page);
        assertThat(csrf.find()).as("%s carries a CSRF token", formPage).isTrue();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("_csrf", csrf.group(1));
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> answer = rest.withRedirects(Redirects.DONT_FOLLOW).exchange(action, HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        remember(answer);
        return answer;
    }

    ResponseEntity<String> askForLink(String email) {
        return submit("/portal", "/portal/sign-in", Map.of("email", email));
    }

    /** Uses a mailed link: opens it and presses its sign-in button. */
    ResponseEntity<String> useLink(String token) {
        return submit("/portal/sign-in/" + token, "/portal/sign-in/" + token, Map.of());
    }

    /** Asks for a link, reads it from the contact's mailbox, and uses it; the client is then signed in. */
    static PortalClient signedIn(TestRestTemplate rest, GreenMail mail, String email) throws InterruptedException {
        PortalClient client = new PortalClient(rest);
        client.askForLink(email);
        ResponseEntity<String> signedIn = client.useLink(awaitLink(mail, email, 1));
        assertThat(signedIn.getHeaders().getLocation()).as("signed in: %s", signedIn.getBody()).hasPath("/portal/cases");
        return client;
    }

    /** The token of the {@code n}th sign-in link mailed to the address (waiting for it). */
    public static String awaitLink(GreenMail mail, String email, int n) throws InterruptedException {
        List<MimeMessage> links = Mailboxes.await(mail, email, m -> SIGN_IN_LINK.matcher(Mailboxes.text(m)).find(), n);
        assertThat(links).as("sign-in mails to %s", email).hasSizeGreaterThanOrEqualTo(n);
        Matcher token = SIGN_IN_LINK.matcher(Mailboxes.text(links.get(n - 1)));
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    String cookie() {
        return cookie;
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", clientAddress);
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie);
        }
        return headers;
    }

    private void remember(ResponseEntity<?> response) {
        List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies != null) {
            cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
                    .findFirst().ifPresent(c -> cookie = c);
        }
    }
}
