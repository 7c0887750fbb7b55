package org.newsroom.enrich.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A story cluster: the reports of one event. Its id never changes, even when the member it was
 * derived from leaves. Its lead is the earliest member by first-created time (then by uri): the
 * report subscribers saw first, so a later, longer report never takes the lead away from the one
 * a "first of cluster" stream already delivered; when the lead is killed, the next earliest leads.
 *
 * @param id the stable id, {@code c-} and the article id of the first member
 * @param members the members, earliest first
 */
public record Cluster(String id, List<ClusterMember> members) {

    private static final Comparator<ClusterMember> EARLIEST_FIRST =
            Comparator.comparing(ClusterMember::firstCreated).thenComparing(ClusterMember::uri);

    public Cluster {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one member");
        }
        members = members.stream().sorted(EARLIEST_FIRST).toList();
    }

    static Cluster openedBy(ClusterMember first) {
        return new Cluster("c-" + first.articleId(), List.of(first));
    }

    public ClusterMember lead() {
        return members.get(0);
    }

    public int size() {
        return members.size();
    }

    Cluster with(ClusterMember member) {
        // Appended to sorted members, the list is sorted again in linear time (TimSort finds the runs).
        List<ClusterMember> joined = new ArrayList<>(without(member.articleId()));
        joined.add(member);
        return new Cluster(id, joined);
    }

    /** The members other than the given article: empty when it was the last one. */
    List<ClusterMember> without(String articleId) {
        return members.stream().filter(member -> !member.articleId().equals(articleId)).toList();
    }
}
