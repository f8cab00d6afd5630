package se.tertial.spec;

import java.util.List;

/** The specs in {@code workbook-templates/} are broken; every problem names its file and entry. */
public final class SpecException extends RuntimeException {
    private final List<String> problems;

    public SpecException(List<String> problems) {
        super(CliText.specProblems(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
