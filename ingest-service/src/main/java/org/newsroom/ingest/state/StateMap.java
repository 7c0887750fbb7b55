package org.newsroom.ingest.state;

import java.util.Iterator;
import java.util.NoSuchElementException;

import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

/**
 * One kind of fact by uri, as a key range of the store's single map: all facts and all offsets
 * share that map, because MVStore commits one map's state atomically (see {@link StateStore}).
 */
public final class StateMap {

    private final MVMap<String, byte[]> map;

    private final String prefix;

    StateMap(MVMap<String, byte[]> map, String name) {
        this.map = map;
        this.prefix = name + ':';
    }

    public byte @Nullable [] get(String uri) {
        return map.get(prefix + uri);
    }

    public void put(String uri, byte[] value) {
        map.put(prefix + uri, value);
    }

    public byte @Nullable [] remove(String uri) {
        return map.remove(prefix + uri);
    }

    /** The keys of this kind from {@code from} on, in their string order, read from the store as iterated. */
    public Iterator<String> keysFrom(String from) {
        Iterator<String> keys = map.keyIterator(prefix + from);
        return new Iterator<>() {

            private @Nullable String next = advance();

            private @Nullable String advance() {
                if (keys.hasNext()) {
                    String key = keys.next();
                    if (key.startsWith(prefix)) {
                        return key.substring(prefix.length());
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                String current = next;
                if (current == null) {
                    throw new NoSuchElementException();
                }
                next = advance();
                return current;
            }
        };
    }
}
