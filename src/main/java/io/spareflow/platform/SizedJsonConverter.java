package io.spareflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.FastByteArrayOutputStream;

/**
 * JSON answers go out with their Content-Length, in one write. Spring's Jackson converter streams the body into the
 * servlet response and flushes it, which makes Tomcat commit the answer chunked: headers and body in one write and,
 * after the request has come back out through every filter, the closing chunk in a second — the client has its answer
 * only then, and wakes twice for it. Serialized into a buffer first, the body is sent with its length as soon as it
 * is written (docs/performance.md, "HTTP overhead per API call", fifth session). Takes the place of Spring Boot's
 * converter, with the same object mapper.
 */
@Component
class SizedJsonConverter extends MappingJackson2HttpMessageConverter {

    SizedJsonConverter(ObjectMapper json) {
        super(json);
    }

    @Override
    protected void writeInternal(Object object, @Nullable Type type, HttpOutputMessage outputMessage) throws IOException {
        FastByteArrayOutputStream body = new FastByteArrayOutputStream(4096);
        super.writeInternal(object, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return outputMessage.getHeaders();
            }
        });
        outputMessage.getHeaders().setContentLength(body.size());
        body.writeTo(outputMessage.getBody());
    }
}
