package org.threatreport.publish;

/**
 * A publish that the user can set right (the version exists, another publish is running, the site
 * was not built, the server refuses us): the message says what to do, in one line. Nothing on the
 * server was changed.
 */
public class PublishException extends Exception {

    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
