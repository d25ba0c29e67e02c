package org.threatreport.scaffold;

import java.util.List;

/** The new report cannot be made as asked: one line per mistake, each naming the property to set. */
public final class ScaffoldException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> mistakes;

    public ScaffoldException(List<String> mistakes) {
        super(String.join("\n", mistakes));
        this.mistakes = List.copyOf(mistakes);
    }

    public ScaffoldException(String mistake) {
        this(List.of(mistake));
    }

    public List<String> mistakes() {
        return mistakes;
    }
}
