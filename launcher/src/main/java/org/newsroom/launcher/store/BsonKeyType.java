package org.newsroom.launcher.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Keys of the stored maps: a document's {@code _id} (any BSON value, or {@link Missing} when it has
 * none) and the key of a unique index (a {@link KeyValue}, the indexed fields' values in order).
 * Each value is written as its BSON type byte and BSON value; keys are ordered as MongoDB orders
 * values ({@link ValueComparator}), so equal keys (after the index's normalisation) meet.
 */
abstract sealed class BsonKeyType<K> extends BasicDataType<K> {

    static final BsonKeyType<Object> ID = new IdType();
    static final BsonKeyType<KeyValue> INDEX_KEY = new IndexKeyType();

    /** Stands for {@link Missing}: 0 ends a BSON document and is never a value's type. */
    private static final byte MISSING = 0;

    private static final ValueComparator ORDER = ValueComparator.asc();

    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(256));

    private BsonKeyType() {
    }

    static void writeValue(WriteBuffer buffer, Object value) {
        if (value instanceof Missing) {
            buffer.put(MISSING);
            return;
        }
        byte type = BsonEncoder.determineType(value);
        ByteBuf encoded = ENCODING.get().clear();
        BsonEncoder.encodeValue(type, value, encoded);
        buffer.put(type);
        buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
    }

    static Object readValue(ByteBuffer buffer) {
        byte type = buffer.get();
        if (type == MISSING) {
            return Missing.getInstance();
        }
        ByteBuf bytes = Unpooled.wrappedBuffer(buffer.slice());
        Object value = BsonDecoder.decodeValue(type, bytes);
        buffer.position(buffer.position() + bytes.readerIndex());
        return value;
    }

    /**
     * MongoDB's order of values; two strings (the newsroom's ids and most indexed fields) are
     * compared directly, as that order compares them, without its type dispatch on every step of a
     * page's binary search.
     */
    static int compareValues(Object a, Object b) {
        if (a instanceof String first && b instanceof String second) {
            return first.compareTo(second);
        }
        return ORDER.compare(a, b);
    }

    private static final class IdType extends BsonKeyType<Object> {

        @Override
        public int compare(Object a, Object b) {
            return compareValues(a, b);
        }

        @Override
        public int getMemory(Object id) {
            return BsonDocumentType.estimatedHeap(id);
        }

        @Override
        public void write(WriteBuffer buffer, Object id) {
            writeValue(buffer, id);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return readValue(buffer);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    private static final class IndexKeyType extends BsonKeyType<KeyValue> {

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int common = Math.min(a.size(), b.size());
            for (int n = 0; n < common; n++) {
                int order = compareValues(a.get(n), b.get(n));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public int getMemory(KeyValue key) {
            int size = 32;
            for (Object value : key) {
                size += 8 + BsonDocumentType.estimatedHeap(value);
            }
            return size;
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            buffer.putVarInt(key.size());
            for (Object value : key) {
                writeValue(buffer, value);
            }
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            int size = DataUtils.readVarInt(buffer);
            List<Object> values = new ArrayList<>(size);
            for (int n = 0; n < size; n++) {
                values.add(readValue(buffer));
            }
            return new KeyValue(values);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
