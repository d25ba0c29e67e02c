package org.threatreport.scaffold;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;

/** Questions on a terminal, as Maven's own archetype asks them: {@code Title [default]: }. */
public final class ConsolePrompt implements Prompt {

    private final BufferedReader in;
    private final PrintStream out;

    public ConsolePrompt(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public String ask(String question, String defaultValue) throws IOException {
        out.print(question + (defaultValue.isEmpty() ? "" : " [" + defaultValue + "]") + ": ");
        out.flush();
        String line = in.readLine();
        if (line == null) {
            throw new EOFException("no answer to '" + question + "' (the input was closed)");
        }
        return line.isBlank() ? defaultValue : line.strip();
    }

    @Override
    public void refuse(String reason) {
        out.println("  " + reason);
    }
}
