package io.spareflow.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads RFC 4180 CSV with a header line into rows keyed by column name (line numbers kept for error reports). */
public final class Csv {

    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            String value = values.get(column);
            if (value == null) {
                throw new IllegalArgumentException("line " + line + ": column '" + column + "' is missing");
            }
            return value.trim();
        }

        public String optional(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private Csv() {
    }

    public static List<Row> read(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>();
            String headerLine = reader.readLine();
            if (headerLine == null) {
                return rows;
            }
            List<String> header = split(headerLine.replace("\uFEFF", ""));
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i).trim(), i < cells.size() ? cells.get(i) : null);
                }
                rows.add(new Row(number, values));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
