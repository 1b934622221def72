package dev.perfgate.store.imports;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * A {@code Where} is a location inside a JSON document, kept in two spellings: {@code path} for people
 * ({@code [2].primaryMetric.rawData[0][5]}, indices from 0 as in jq) and {@code pointer} to find its line again.
 */
record Where(String path, JsonPointer pointer) {

    static final Where ROOT = new Where("", JsonPointer.empty());

    Where field(String name) {
        return new Where(path.isEmpty() ? name : path + "." + name, pointer.appendProperty(name));
    }

    Where index(int i) {
        return new Where(path + "[" + i + "]", pointer.appendIndex(i));
    }

    boolean isRoot() {
        return path.isEmpty();
    }
}
