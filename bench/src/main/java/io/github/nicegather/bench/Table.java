package io.github.nicegather.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, built row by row; a '|' inside a cell is escaped. */
final class Table {
  private final List<List<String>> rows = new ArrayList<>();
  private final int columns;

  Table(String... header) {
    columns = header.length;
    rows.add(List.of(header));
  }

  Table row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
    }
    rows.add(List.of(cells));

    return this;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      out.append('|');
      for (String cell : rows.get(i)) {
        out.append(' ').append(cell.replace("|", "\\|")).append(" |");
      }
      out.append('\n');
      if (i == 0) {
        out.append("|---".repeat(columns)).append("|\n");
      }
    }

    return out.toString();
  }
}
