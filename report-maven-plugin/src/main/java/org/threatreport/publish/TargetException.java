package org.threatreport.publish;

import java.io.IOException;

/** The hosting target cannot be used as asked: the message says what to do, in one line. */
public class TargetException extends IOException {

    public enum Reason {
        /** no server answers at the address */
        UNREACHABLE,
        /** the server refuses the credentials, or has none for us */
        DENIED,
        /** the address's scheme has no transport, or one that cannot rename files on the server */
        UNSUPPORTED
    }

    private final Reason reason;

    public TargetException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
