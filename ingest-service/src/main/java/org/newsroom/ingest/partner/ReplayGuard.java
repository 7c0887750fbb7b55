package org.newsroom.ingest.partner;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Remembers each partner's {@code webhook-id}s for as long as their timestamps are within the
 * tolerance, so that a captured push cannot be sent again: after that, its timestamp refuses it.
 * The memory is this instance's; see docs/PARTNERS.md for what that means behind a balancer.
 */
@Component
public class ReplayGuard {

    private final Map<String, Long> seenUntil = new ConcurrentHashMap<>();

    /**
     * @param expiresAtMillis when the push's timestamp leaves the tolerance
     * @return whether this is the first use of the id by this partner
     */
    public boolean firstUse(String partnerId, String id, long expiresAtMillis, long nowMillis) {
        seenUntil.values().removeIf(until -> until < nowMillis);
        return seenUntil.putIfAbsent(partnerId + "\n" + id, expiresAtMillis) == null;
    }
}
