package org.newsroom.publish.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.newsroom.publish.article.SourcePosition;

class StreamCursorTest {

    private static final SourcePosition EVENT = new SourcePosition(1, 12);

    @Test
    void aCursorInsideAnEventResumesAtThatEventAfterTheMessagesGiven() {
        StreamCursor inside = StreamCursor.ORIGIN.advance(new SourcePosition(1, 7)).advanceWithin(EVENT, 1);

        StreamCursor decoded = StreamCursor.decode(inside.encode());

        assertThat(decoded).isEqualTo(inside);
        assertThat(plain(inside)).isEqualTo("v1:1=12.1");
        assertThat(decoded.covers(EVENT)).isFalse();
        assertThat(decoded.offsetOf(1)).isEqualTo(11);
        assertThat(decoded.given(EVENT)).isEqualTo(1);
        assertThat(decoded.given(new SourcePosition(1, 13))).isZero();
        assertThat(decoded.advance(EVENT)).isEqualTo(StreamCursor.ORIGIN.advance(EVENT));
    }

    @Test
    void theFurthestOfTwoCursorsCountsTheMessagesGivenInsideAnEvent() {
        StreamCursor before = StreamCursor.ORIGIN.advance(new SourcePosition(1, 11));
        StreamCursor inside = StreamCursor.ORIGIN.advanceWithin(EVENT, 2);
        StreamCursor after = StreamCursor.ORIGIN.advance(EVENT);

        assertThat(before.max(inside)).isEqualTo(inside);
        assertThat(inside.max(before)).isEqualTo(inside);
        assertThat(inside.max(after)).isEqualTo(after);
        assertThat(after.max(inside)).isEqualTo(after);
        assertThat(inside.advanceWithin(EVENT, 1)).isEqualTo(inside);
    }

    @Test
    void theFirstEventOfAPartitionCanBeResumedInside() {
        StreamCursor inside = StreamCursor.ORIGIN.advanceWithin(new SourcePosition(0, 0), 1);

        assertThat(StreamCursor.decode(inside.encode()).given(new SourcePosition(0, 0))).isEqualTo(1);
    }

    @Test
    void noMessagesGivenOrAThirdPartIsMalformed() {
        for (String malformed : new String[] { "v1:1=12.0", "v1:1=12.1.1", "v1:1=12.", "v1:1=.1" }) {
            String encoded = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(malformed.getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> StreamCursor.decode(encoded)).as(malformed)
                    .isInstanceOf(MalformedCursorException.class);
        }
    }

    private static String plain(StreamCursor cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor.encode()), StandardCharsets.US_ASCII);
    }
}
