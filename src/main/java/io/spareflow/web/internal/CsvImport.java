package io.spareflow.web.internal;

import io.spareflow.common.Csv;
import io.spareflow.common.Explained;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The rule every administration CSV import follows: each row is checked first; the good rows are written together
 * in one transaction, the bad ones are reported by line with the reason. A file with bad rows still imports its good
 * rows (the report lists the rest to fix and send again); a failure while writing leaves nothing imported.
 */
@Component
class CsvImport {

    record Report(int imported, List<String> rejected) {
    }

    /** What one kind of row needs: how a row is checked and turned into a record, its key, and how all are written. */
    interface Rows<T> {

        /** The checked record of a row; throws {@link InvalidInputException} naming what is wrong and what is expected. */
        T check(Csv.Row row);

        /** The row's key, which must be unique in the file (e.g. "serial X"). */
        String key(T record);

        void writeAll(List<T> records);
    }

    private final TransactionTemplate transaction;
    private final DataSize maxSize;
    private final int maxRows;
    private final MessageSource messages;

    CsvImport(PlatformTransactionManager transactions, @Value("${spareflow.admin.csv.max-size:5MB}") DataSize maxSize,
              @Value("${spareflow.admin.csv.max-rows:20000}") int maxRows, MessageSource messages) {
        this.transaction = new TransactionTemplate(transactions);
        this.maxSize = maxSize;
        this.maxRows = maxRows;
        this.messages = messages;
    }

    /** Imports a file of at most {@code spareflow.admin.csv.max-size} and {@code max-rows} rows; a larger one not at all. */
    <T> Report importFrom(InputStream csv, Rows<T> kind) {
        byte[] file;
        try {
            file = csv.readNBytes((int) maxSize.toBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (file.length > maxSize.toBytes()) {
            return new Report(0, List.of(messages.getMessage("hardening.csv.too-large",
                    new Object[] {maxSize.toMegabytes()}, LocaleContextHolder.getLocale())));
        }
        List<Csv.Row> rows;
        try {
            rows = Csv.read(new ByteArrayInputStream(file));
        } catch (IllegalArgumentException unreadable) {
            return new Report(0, List.of(text(Message.of("errors.csv.unreadable", unreadable.getMessage()))));
        }
        if (rows.size() > maxRows) {
            return new Report(0, List.of(messages.getMessage("hardening.csv.too-many-rows",
                    new Object[] {rows.size(), maxRows}, LocaleContextHolder.getLocale())));
        }
        List<T> good = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row row : rows) {
            try {
                T record = kind.check(row);
                if (!seen.add(kind.key(record))) {
                    throw new InvalidInputException(Message.of("errors.csv.twice", kind.key(record)));
                }
                good.add(record);
            } catch (InvalidInputException | IllegalArgumentException bad) {
                rejected.add(text(Message.of("errors.csv.line", String.valueOf(row.line()),
                        bad instanceof Explained explained ? explained.detail() : bad.getMessage())));
            }
        }
        if (!good.isEmpty()) {
            transaction.executeWithoutResult(status -> kind.writeAll(good));
        }
        return new Report(good.size(), rejected);
    }

    private String text(Message message) {
        return message.in(messages, LocaleContextHolder.getLocale());
    }
}
