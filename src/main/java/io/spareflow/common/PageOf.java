package io.spareflow.common;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of a listing, in a stable JSON shape. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static <T> PageOf<T> of(Page<T> page) {
        return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
