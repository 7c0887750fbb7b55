package org.newsroom.ingest.state;

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
}
