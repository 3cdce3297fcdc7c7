package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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

/** A browser's session in page tests: signed in through the login form, carrying its cookie and the page's CSRF token. */
record PageSession(TestRestTemplate rest, String cookie) {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static PageSession signIn(TestRestTemplate rest, String user) {
        return signIn(rest, user, "demo");
    }

    static PageSession signIn(TestRestTemplate rest, String user, String password) {
        ResponseEntity<String> loginPage = rest.getForEntity("/login", String.class);
        String cookie = sessionCookie(loginPage);
        Matcher token = CSRF_FIELD.matcher(loginPage.getBody());
        assertThat(token.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", token.group(1));
        // Not following the redirect: the new session's cookie (changed at sign-in) comes with it.
        ResponseEntity<String> signedIn = rest.withRedirects(Redirects.DONT_FOLLOW).exchange("/login", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(signedIn.getHeaders().getLocation()).as("signed in as %s", user).hasPath("/");
        return new PageSession(rest, signedIn.getHeaders().containsKey(HttpHeaders.SET_COOKIE) ? sessionCookie(signedIn)
                : cookie);
    }

    HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return headers;
    }

    ResponseEntity<String> get(String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
    }

    /** A page as a browser asking for {@code language} (Accept-Language) gets it, for a user without a stored choice. */
    ResponseEntity<String> get(String path, String language) {
        HttpHeaders headers = headers();
        headers.add(HttpHeaders.ACCEPT_LANGUAGE, language);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    ResponseEntity<byte[]> getBytes(String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), byte[].class);
    }

    /** The CSRF token a page of this session carries (in its meta tags). */
    String csrfToken() {
        Matcher token = CSRF_META.matcher(get("/").getBody());
        assertThat(token.find()).as("the page carries the CSRF token").isTrue();
        return token.group(1);
    }

    /** Posts a form (url-encoded, or multipart when a value is a file) with the CSRF token, not following redirects. */
    ResponseEntity<String> postForm(String path, MultiValueMap<String, Object> form, MediaType type) {
        form.add("_csrf", csrfToken());
        HttpHeaders headers = headers();
        headers.setContentType(type);
        return rest.withRedirects(Redirects.DONT_FOLLOW).exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
    }

    ResponseEntity<Map> postScan(Map<String, ?> scan) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("X-CSRF-TOKEN", csrfToken());
        return rest.exchange("/scan/submit", HttpMethod.POST, new HttpEntity<>(scan, headers), Map.class);
    }

    private static String sessionCookie(ResponseEntity<?> response) {
        return response.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }
}
