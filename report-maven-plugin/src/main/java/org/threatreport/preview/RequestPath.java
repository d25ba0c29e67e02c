package org.threatreport.preview;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The path of a request, decoded strictly: a path that is not what a browser sends for a file of
 * the site (a bad {@code %} escape, bytes that are not UTF-8, a control character such as
 * {@code %00}, a backslash, a {@code .} or {@code ..} segment) is refused with 400 Bad Request
 * rather than guessed at.
 */
final class RequestPath {

    /** A path the preview refuses to look up; the message says why, for the 400 page. */
    static final class MalformedException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private RequestPath() {
    }

    /** The decoded path without its leading {@code /}, e.g. {@code 2017/02-monitoring.html}. */
    static String decode(String rawPath) throws MalformedException {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw new MalformedException("the path must start with /");
        }
        String path = utf8(percentDecoded(rawPath.substring(1)));
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new MalformedException("the path contains the control character U+" + String.format("%04X", (int) c));
            }
            if (c == '\\') {
                throw new MalformedException("the path contains a backslash");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new MalformedException("the path contains a '" + segment + "' segment");
            }
        }
        return path;
    }

    private static byte[] percentDecoded(String raw) throws MalformedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw new MalformedException("the path has a '%' not followed by two hexadecimal digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7e) {
                throw new MalformedException("the path has a character that is not escaped");
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    private static String utf8(byte[] bytes) throws MalformedException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("the path is not UTF-8");
        }
    }
}
