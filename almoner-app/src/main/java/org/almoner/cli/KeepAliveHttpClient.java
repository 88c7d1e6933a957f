package org.almoner.cli;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain HTTP/1.1 client on one kept-alive connection, for the ledger benchmark. The benchmark's
 * clients share the platform's two cores, as pgbench's do PostgreSQL's; the JDK's client spends
 * several threads and a selector on every exchange, so much of what it measured was the client.
 * This one writes the request and reads the answer on the calling thread, and keeps the session
 * cookie the platform sets at sign-in. Not a general client: no TLS, redirects or compression.
 */
final class KeepAliveHttpClient implements AutoCloseable {

    /** The status and body of one answer. */
    record Answer(int statusCode, String body) {
        Answer {
            requireNonNull(body, "body is null");
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private String cookie;

    KeepAliveHttpClient(String host, int port) {
        this.host = requireNonNull(host, "host is null");
        this.port = port;
    }

    Answer send(String method, String path, Map<String, String> headers, String body) {
        try {
            try {
                return exchange(method, path, headers, body);
            } catch (IOException closedWhileIdle) {
                // The server may close an idle kept-alive connection; one fresh connection is tried.
                close();
                return exchange(method, path, headers, body);
            }
        } catch (IOException failure) {
            close();
            throw new UncheckedIOException(failure);
        }
    }

    private Answer exchange(String method, String path, Map<String, String> headers, String body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (cookie != null) {
            request.append("Cookie: ").append(cookie).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();

        String statusLine = line();
        if (statusLine.isEmpty()) {
            throw new IOException("The connection closed before an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("set-cookie")) {
                cookie = value.split(";", 2)[0];
            }
            answerHeaders.merge(name, value, (first, second) -> first + ", " + second);
        }
        byte[] answer;
        if ("chunked".equalsIgnoreCase(answerHeaders.get("transfer-encoding"))) {
            answer = chunked();
        } else {
            answer = in.readNBytes(Integer.parseInt(answerHeaders.getOrDefault("content-length", "0")));
        }
        if ("close".equalsIgnoreCase(answerHeaders.get("connection"))) {
            close();
        }
        return new Answer(status, new String(answer, StandardCharsets.UTF_8));
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line().split(";", 2)[0].trim();
            if (!size.matches("[0-9A-Fa-f]+")) {
                // The server gave up part way through the answer (a failure after it had started writing).
                throw new IOException("The answer stopped part way through");
            }
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers, none expected
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int previous = -1;
        for (int next = in.read(); next != -1; next = in.read()) {
            if (previous == '\r' && next == '\n') {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) next);
            previous = next;
        }
        if (line.isEmpty()) {
            return "";
        }
        throw new IOException("The connection closed in the middle of a line");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is already gone
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
