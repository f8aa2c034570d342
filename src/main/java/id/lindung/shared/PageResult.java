package id.lindung.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code total} is exact up to {@code totalCap}; above it the list says "more than"
 * ({@code totalCapped}), which keeps counts on a million-row registry cheap.
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

    public PageResult {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, totalCapped);
    }
}
