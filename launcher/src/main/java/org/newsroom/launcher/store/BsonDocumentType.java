package org.newsroom.launcher.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A stored document as the MVStore writes it into a page: its BSON bytes, encoded and decoded with
 * the same codec the wire protocol uses. The H2 backend's default type serialised each document
 * with Java serialisation, a new object stream per value, every time a page holding it was
 * written; the profile of a single insert was mostly that and reading it back.
 *
 * <p>Documents are never compared as values: the maps only put, get and remove them by key.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** One encoding buffer per thread that writes pages, kept between pages. */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(16 * 1024));

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return estimatedHeap(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, encoded);
        buffer.put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), encoded.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // A BSON document starts with its own length (little-endian int32, itself included).
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bytes = buffer.slice();
        bytes.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * A rough size of the decoded document on the heap, which the MVStore uses to size its page
     * cache and to split pages: object headers and references per entry, two bytes per character.
     */
    static int estimatedHeap(Object value) {
        if (value instanceof String text) {
            return 48 + 2 * text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 40 + estimatedHeap(entry.getKey()) + estimatedHeap(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += 8 + estimatedHeap(element);
            }
            return size;
        }
        return 24;
    }
}
