package org.newsroom.bench;

import java.util.ArrayList;
import java.util.List;

/** A GitHub-flavoured markdown table; cells containing {@code |} are escaped. */
final class MarkdownTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    String render() {
        StringBuilder table = new StringBuilder();
        line(table, header);
        table.append('|');
        header.forEach(column -> table.append(" --- |"));
        table.append('\n');
        rows.forEach(row -> line(table, row));
        return table.toString();
    }

    private static void line(StringBuilder table, List<String> cells) {
        table.append('|');
        cells.forEach(cell -> table.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        table.append('\n');
    }
}
