package dev.contextgateway.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of the report, rendered alike to markdown and HTML.
 *
 * @param header the column titles
 * @param align the alignment of each column
 * @param rows the rows, each with one cell per column
 */
record Table(List<String> header, List<Align> align, List<List<Cell>> rows) {

  enum Align {
    LEFT,
    RIGHT
  }

  /** How a cell is emphasised in HTML (markdown shows the text only). */
  enum Tone {
    PLAIN,
    GOOD,
    BAD,
    MUTED
  }

  /** One cell. */
  record Cell(String text, Tone tone) {
    static Cell of(String text) {
      return new Cell(text, Tone.PLAIN);
    }
  }

  Table {
    header = List.copyOf(header);
    align = List.copyOf(align);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<Cell> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " cells, the header " + header.size());
      }
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Accumulates a table; not thread-safe. */
  static final class Builder {
    private final List<String> header = new ArrayList<>();
    private final List<Align> align = new ArrayList<>();
    private final List<List<Cell>> rows = new ArrayList<>();

    Builder left(String title) {
      header.add(title);
      align.add(Align.LEFT);
      return this;
    }

    Builder right(String title) {
      header.add(title);
      align.add(Align.RIGHT);
      return this;
    }

    Builder row(List<Cell> cells) {
      rows.add(cells);
      return this;
    }

    Builder row(String... cells) {
      return row(java.util.Arrays.stream(cells).map(Cell::of).toList());
    }

    Table build() {
      return new Table(header, align, rows);
    }
  }
}
