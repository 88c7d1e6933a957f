package org.almoner.engine.generator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes CSV fields, so a chunk's rows are formatted once, off the
 * writer thread, without String.format or per-field encoding in the hot loop.
 */
public final class ByteSink {

    private byte[] bytes;
    private int size;
    private boolean atLineStart = true;

    public ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(64, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }

    private void separator() {
        if (!atLineStart) {
            ensure(1);
            bytes[size++] = ',';
        }
        atLineStart = false;
    }

    /** A text field, quoted (RFC 4180) only when it holds a comma, quote or line break; null is blank. */
    public ByteSink text(String value) {
        separator();
        if (value == null) {
            return this;
        }
        int length = value.length();
        ensure(length);
        int start = size;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 128 || c == ',' || c == '"' || c == '\n' || c == '\r') {
                size = start;
                slowText(value);
                return this;
            }
            bytes[size++] = (byte) c;
        }
        return this;
    }

    private void slowText(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        String field = needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
        raw(field.getBytes(StandardCharsets.UTF_8));
    }

    /** Pre-encoded bytes that need no quoting (dates, codes). */
    public ByteSink bytes(byte[] value) {
        separator();
        if (value != null) {
            raw(value);
        }
        return this;
    }

    public ByteSink blank() {
        separator();
        return this;
    }

    public ByteSink number(long value) {
        separator();
        appendLong(value);
        return this;
    }

    /** A decimal held in hundredths, written without trailing zeros ({@code 4}, {@code 7.5}, {@code 2.25}). */
    public ByteSink hundredths(long value) {
        separator();
        appendLong(value / 100);
        long rest = value % 100;
        if (rest != 0) {
            ensure(3);
            bytes[size++] = '.';
            bytes[size++] = (byte) ('0' + rest / 10);
            if (rest % 10 != 0) {
                bytes[size++] = (byte) ('0' + rest % 10);
            }
        }
        return this;
    }

    /** Money in pounds with two decimals, from whole pence. */
    public ByteSink pence(long pence) {
        separator();
        if (pence < 0) {
            ensure(1);
            bytes[size++] = '-';
            pence = -pence;
        }
        appendLong(pence / 100);
        long rest = pence % 100;
        ensure(3);
        bytes[size++] = '.';
        bytes[size++] = (byte) ('0' + rest / 10);
        bytes[size++] = (byte) ('0' + rest % 10);
        return this;
    }

    public void endRow() {
        ensure(1);
        bytes[size++] = '\n';
        atLineStart = true;
    }

    private void raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    private void appendLong(long value) {
        if (value < 0) {
            ensure(1);
            bytes[size++] = '-';
            value = -value;
        }
        ensure(20);
        if (value == 0) {
            bytes[size++] = '0';
            return;
        }
        int start = size;
        while (value > 0) {
            bytes[size++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
    }

    /** Empties the sink, keeping its capacity for the next chunk. */
    public void clear() {
        size = 0;
        atLineStart = true;
    }

    public int size() {
        return size;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }
}
