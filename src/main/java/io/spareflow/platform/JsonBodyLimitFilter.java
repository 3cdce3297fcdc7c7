package io.spareflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.common.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON request bodies are bounded ({@code spareflow.http.max-json-body}, 1 MB): a larger one is refused with 413
 * before anything parses it, whether it announces its length or comes chunked. Uploads (multipart) have their own
 * limits ({@code spring.servlet.multipart.*}).
 */
@Component
class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final int maxBytes;
    private final ObjectMapper json;
    private final MessageSource messages;

    JsonBodyLimitFilter(@Value("${spareflow.http.max-json-body:1MB}") DataSize maxBody, ObjectMapper json,
                        MessageSource messages) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 1, maxBody.toBytes());
        this.json = json;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return true;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return !(media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json"));
        } catch (RuntimeException unparsable) {
            return true;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long announced = request.getContentLengthLong();
        if (announced > maxBytes) {
            refuse(response);
            return;
        }
        if (announced >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        DataSize max = DataSize.ofBytes(maxBytes);
        String size = max.toKilobytes() >= 1024 ? max.toMegabytes() + " MB" : max.toKilobytes() + " KB";
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage("hardening.body.too-large.title", null, LocaleContextHolder.getLocale()),
                messages.getMessage("hardening.body.too-large", new Object[] {size}, LocaleContextHolder.getLocale()));
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A chunked body already read (and found small enough), served again to whoever reads the request next. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
