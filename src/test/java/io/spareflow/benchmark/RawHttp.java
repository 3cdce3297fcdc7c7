package io.spareflow.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The least an HTTP/1.1 client can do: one keep-alive socket, the request written in one go, the response read on the
 * calling thread (status line, headers, a body by Content-Length or chunked). No thread hand-offs, no pool, no
 * header objects: beside {@code java.net.http.HttpClient} it shows how much of a request's time is the client's.
 */
final class RawHttp implements AutoCloseable {

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends {@code method path} with {@code headers} (each "Name: value") and {@code body}; the status code. */
    int exchange(String method, String path, String body, String... headers) {
        try {
            if (socket == null) {
                socket = new Socket("localhost", port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 16384);
                out = socket.getOutputStream();
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost:")
                    .append(port).append("\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = new byte[headBytes.length + content.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(content, 0, request, headBytes.length, content.length);
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private int readResponse() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (closes) {
            close();
        }
        return code;
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed by the server");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
            socket = null;
        }
    }
}
