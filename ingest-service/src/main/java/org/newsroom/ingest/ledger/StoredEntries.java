package org.newsroom.ingest.ledger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * The bytes the {@link ArticleLedger} stores per uri: version, event id, content hash (32 bytes
 * instead of 64 hex chars), partner and time of acceptance. About 100 bytes, never the story.
 */
final class StoredEntries {

    private static final HexFormat HEX = HexFormat.of();

    private StoredEntries() {
    }

    static byte[] encode(LedgerEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(112);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(entry.version());
            out.writeUTF(entry.eventId());
            byte[] hash = HEX.parseHex(entry.contentHash());
            out.writeByte(hash.length);
            out.write(hash);
            out.writeUTF(entry.partnerId());
            out.writeLong(entry.receivedAt().getEpochSecond());
            out.writeInt(entry.receivedAt().getNano());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static LedgerEntry decode(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            long version = in.readLong();
            String eventId = in.readUTF();
            byte[] hash = in.readNBytes(in.readUnsignedByte());
            String partnerId = in.readUTF();
            Instant receivedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            return new LedgerEntry(version, eventId, HEX.formatHex(hash), partnerId, receivedAt,
                    CompletableFuture.completedFuture(null));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
