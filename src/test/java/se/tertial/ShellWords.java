package se.tertial;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of a shell block as the shell would split them into words, enough for the commands our docs show:
 * line continuations, comments, single and double quotes, {@code $(…)} kept whole, and {@code ;}, {@code &&},
 * {@code ||}, {@code |} and new lines between commands; redirections are dropped with their target.
 */
final class ShellWords {
    private ShellWords() {}

    static List<List<String>> commands(String script) {
        String text = script.replace("\\\n", " ");
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = c == '\'' ? text.indexOf('\'', i + 1) : closingDoubleQuote(text, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed quote in: " + text);
                }
                word = word == null ? new StringBuilder() : word;
                word.append(c == '"' ? text.substring(i + 1, end).replace("\\\"", "\"") : text.substring(i + 1, end));
                i = end + 1;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                int end = closingParen(text, i + 2);
                word = word == null ? new StringBuilder() : word;
                word.append(text, i, end + 1);
                i = end + 1;
            } else if (c == '#' && word == null) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (c == ' ' || c == '\t') {
                word = flush(words, word);
                i++;
            } else if (c == '\n' || c == ';' || c == '|' || (c == '&' && i + 1 < text.length()
                    && text.charAt(i + 1) == '&')) {
                word = flush(words, word);
                end(commands, words);
                words = new ArrayList<>();
                i += (c == '|' || c == '&') && i + 1 < text.length() && text.charAt(i + 1) == c ? 2 : 1;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
                i++;
            }
        }
        flush(words, word);
        end(commands, words);
        return commands;
    }

    private static StringBuilder flush(List<String> words, StringBuilder word) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }

    /** A command without its redirections ({@code > file}, {@code 2>&1}, {@code < file}). */
    private static void end(List<List<String>> commands, List<String> words) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.matches("\\d?[<>]{1,2}(&\\d)?")) {
                if (!w.contains("&")) {
                    i++; // its target
                }
            } else if (!w.matches("\\d?[<>]{1,2}.+")) {
                kept.add(w);
            }
        }
        if (!kept.isEmpty()) {
            commands.add(kept);
        }
    }

    private static int closingDoubleQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int closingParen(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '(') {
                depth++;
            } else if (text.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed $( in: " + text);
    }
}
